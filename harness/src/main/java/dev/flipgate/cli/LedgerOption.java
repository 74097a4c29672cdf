package dev.flipgate.cli;

import dev.flipgate.ledger.LedgerLocation;
import picocli.CommandLine.Option;

/** The {@code --ledger} option of every command that writes or reads the ledger. */
final class LedgerOption {
  @Option(names = "--ledger", paramLabel = "FILE|URL", description = "The ledger of gate runs: an SQLite file, or a JDBC"
      + " URL (jdbc:postgresql://…) for a team's shared history (default: reports/ledger.sqlite, or the system property"
      + " flipgate.ledger).")
  String ledger;

  LedgerLocation location() {
    return LedgerLocation.orDefault(ledger);
  }
}
