package dev.flipgate.ledger;

import java.nio.file.Path;

/**
 * Where the ledger is: a JDBC URL ({@code jdbc:postgresql://host/db} for a team's shared history),
 * or a file path, which means an SQLite file there (the embedded default).
 */
public record LedgerLocation(String jdbcUrl) {

  public static LedgerLocation of(String value) {
    return value.startsWith("jdbc:") ? new LedgerLocation(value)
        : new LedgerLocation("jdbc:sqlite:" + Path.of(value).toAbsolutePath().normalize());
  }

  boolean isSqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, for an SQLite ledger. */
  Path sqliteFile() {
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
  }

  /** The URL as messages show it: a password in it is masked. */
  public String shown() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }
}
