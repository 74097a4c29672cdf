package dev.flipgate.cli;

import dev.flipgate.ledger.LedgerLocation;
import picocli.CommandLine.Option;

/** The {@code --ledger} option of every command that writes or reads the ledger. */
final class LedgerOption {
  @Option(names = "--ledger", paramLabel = "FILE|URL", description = "The ledger of gate runs: an SQLite file, or a JDBC"
      + " URL (jdbc:postgresql://…) for a team's shared history (default: the suite's ledger: key, else the system"
      + " property flipgate.ledger, else reports/ledger.sqlite).")
  String ledger;

  LedgerLocation location() {
    return LedgerLocation.orDefault(ledger);
  }

  /** The option's ledger, else the suite's, else the default. */
  LedgerLocation location(java.util.Optional<String> suiteLedger) {
    return ledger != null ? LedgerLocation.of(ledger) : suiteLedger.map(LedgerLocation::of).orElse(LedgerLocation.orDefault(null));
  }
}
