package dev.flipgate.ledger;

import java.nio.file.Path;

/**
 * Where the ledger is: a JDBC URL ({@code jdbc:postgresql://host/db} for a team's shared history),
 * or a file path, which means an SQLite file there (the embedded default).
 */
public record LedgerLocation(String jdbcUrl) {

  /** The default ledger: the system property {@code flipgate.ledger}, else {@code reports/ledger.sqlite}. */
  public static final String DEFAULT = "reports/ledger.sqlite";

  /** The ledger a command's {@code --ledger} option names, or the default when it names none. */
  public static LedgerLocation orDefault(String option) {
    return of(option != null ? option : System.getProperty("flipgate.ledger", DEFAULT));
  }

  public static LedgerLocation of(String value) {
    return value.startsWith("jdbc:") ? new LedgerLocation(value)
        : new LedgerLocation("jdbc:sqlite:" + Path.of(value).toAbsolutePath().normalize());
  }

  public boolean isSqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, for an SQLite ledger. */
  public Path sqliteFile() {
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
  }

  /** The URL as messages show it: a password in it is masked. */
  public String shown() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }
}
