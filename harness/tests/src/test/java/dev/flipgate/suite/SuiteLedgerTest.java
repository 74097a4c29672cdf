package dev.flipgate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.ledger.Ledger;
import dev.flipgate.ledger.LedgerLocation;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite may name the ledger its runs go to, when the command line names none. */
class SuiteLedgerTest {
  @TempDir Path directory;

  @Test
  void aPasswordComesFromTheEnvironmentNotTheSuite() {
    Path suite = directory.resolve("suite.yaml");

    assertThat(SuiteReader.ledger(suite, "jdbc:postgresql://db/ledger?user=ci&password=${LEDGER_PASSWORD}",
        Map.of("LEDGER_PASSWORD", "s3cret"))).contains("jdbc:postgresql://db/ledger?user=ci&password=s3cret");
  }

  @Test
  void anUnsetVariableIsAConfigurationErrorNamingIt() throws IOException {
    Path suite = directory.resolve("suite.yaml");
    Files.writeString(suite, "name: x\nledger: ${FLIPGATE_LEDGER_URL}\n");

    assertThatThrownBy(() -> SuiteReader.ledger(suite, "${FLIPGATE_LEDGER_URL}", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("suite.yaml, line 2").hasMessageContaining("FLIPGATE_LEDGER_URL")
        .hasMessageContaining("not set");
  }

  @Test
  void aFileIsRelativeToTheSuite() {
    assertThat(SuiteReader.ledger(directory.resolve("suite.yaml"), "history/ledger.sqlite", Map.of()))
        .contains(directory.resolve("history/ledger.sqlite").toString());
    assertThat(SuiteReader.ledger(directory.resolve("suite.yaml"), null, Map.of())).isEqualTo(Optional.empty());
  }

  @Test
  void gateAndHistoryUseTheSuitesLedgerUnlessTheCommandLineNamesOne() throws IOException {
    var tiny = new TinyGoldenSet();
    tiny.policy = tiny.policy + "ledger: team-ledger.sqlite\n";
    Path suite = tiny.writeTo(directory);

    CliRun gate = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    CliRun history = CliRun.of("history", suite.toString());

    assertThat(gate.exitCode()).as(gate.toString()).isZero();
    assertThat(Ledger.open(LedgerLocation.of(directory.resolve("team-ledger.sqlite").toString())).runs("tiny")).hasSize(1);
    assertThat(history.out()).as(history.toString()).contains("team-ledger.sqlite", "PROMOTE");
  }
}
