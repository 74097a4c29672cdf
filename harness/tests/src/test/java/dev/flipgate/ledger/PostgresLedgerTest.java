package dev.flipgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import dev.flipgate.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ledger on a real PostgreSQL server (started from the binaries Maven brings): a gate run
 * by JDBC URL is recorded whole, history reads it, and a server that is not there fails the run
 * naming the URL.
 */
class PostgresLedgerTest {
  @TempDir Path directory;

  private static String url() {
    return PostgresServer.url();
  }

  @Test
  void aGateRunIsRecordedInPostgresqlAndHistoryReadsIt() {
    var tiny = new TinyGoldenSet();
    tiny.candidatePredictions = tiny.candidatePredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    Path suite = tiny.writeTo(directory.resolve("tiny"));

    CliRun gate = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--ledger", url());
    CliRun history = CliRun.of("history", "tiny", "--ledger", url());

    assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
    List<Ledger.RunSummary> runs = Ledger.open(LedgerLocation.of(url())).runs("tiny");
    assertThat(runs).extracting(Ledger.RunSummary::verdict).contains("BLOCK");
    Ledger.RunSummary last = runs.get(runs.size() - 1);
    assertThat(Ledger.open(LedgerLocation.of(url())).flips(last.runId())).isEqualTo(Map.of("e2", "negative"));
    assertThat(history.exitCode()).as(history.toString()).isZero();
    assertThat(history.out()).contains(last.runId(), "BLOCK");
  }

  /** Two gate processes (separate JVMs, as two CI jobs) recording into one PostgreSQL ledger at once: both land. */
  @Test
  void twoGatesWritingToThePostgresqlLedgerAtOnceBothLand() throws Exception {
    Path suite = new TinyGoldenSet().writeTo(directory.resolve("tiny"));
    List<Process> processes = new java.util.ArrayList<>();
    for (String out : List.of("one", "two")) {
      processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.flipgate.cli.FlipgateMain", "gate", suite.toString(),
          "--out", directory.resolve(out).toString(), "--quiet", "--no-cache", "--ledger", url())
          .redirectErrorStream(true).redirectOutput(directory.resolve(out + ".log").toFile()).start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(java.nio.file.Files.readString(directory.resolve("one.log"))
          + java.nio.file.Files.readString(directory.resolve("two.log"))).isIn(0, 1);
    }

    var recorded = Ledger.open(LedgerLocation.of(url())).runs("tiny").stream().map(Ledger.RunSummary::runId).toList();
    assertThat(recorded).contains(runId(directory.resolve("one/result.json")), runId(directory.resolve("two/result.json")));
  }

  private static String runId(Path result) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.toFile()).path("provenance").path("runId").asText();
  }

  @Test
  void aServerThatIsNotThereFailsTheRunNamingTheUrl() {
    Path suite = new TinyGoldenSet().writeTo(directory.resolve("tiny"));
    String nowhere = "jdbc:postgresql://127.0.0.1:1/ledger?connectTimeout=5";

    CliRun gate = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet",
        "--ledger", nowhere);

    assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(3);
    assertThat(gate.err()).contains(nowhere, "cannot use the ledger");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }
}
