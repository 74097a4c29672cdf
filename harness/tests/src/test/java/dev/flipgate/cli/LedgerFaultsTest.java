package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A ledger the run cannot use fails it before any model runs, naming the ledger, and leaves no verdict. */
class LedgerFaultsTest extends FailedClosedCorpus {

  @Test
  void aUrlNoDriverUnderstandsIsAConfigurationErrorThatHidesItsPassword() {
    assertThat(gate("--ledger", "jdbc:nosuchdb://auditor:s3cret@db.example/ledger").exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("jdbc:nosuchdb://auditor:***@db.example/ledger", "unknown ledger URL")
        .doesNotContain("s3cret");
  }

  @Test
  void aLedgerFileThatCannotBeCreatedIsARuntimeFailureNamingIt() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("plain-file"), "not a directory");

    assertThat(gate("--ledger", directory.resolve("plain-file/ledger.sqlite").toString()).exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("plain-file");
  }

  @Test
  void aFileThatIsNotADatabaseIsARuntimeFailureNamingIt() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("notes.sqlite"), "these are notes, not a database ".repeat(200));

    assertThat(gate("--ledger", directory.resolve("notes.sqlite").toString()).exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("notes.sqlite", "cannot use the ledger");
  }
}
