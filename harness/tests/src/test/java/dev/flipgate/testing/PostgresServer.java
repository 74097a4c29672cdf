package dev.flipgate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the test JVM (from the binaries Maven brings), started when a
 * test first asks for it and stopped when the JVM exits: the ledger tests on PostgreSQL share it
 * rather than each start their own.
 */
public final class PostgresServer {
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  /** The JDBC URL of the shared server's {@code postgres} database, as user {@code postgres}. */
  public static synchronized String url() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // The JVM is leaving; the server's directory is temporary.
        }
      }));
    }
    return server.getJdbcUrl("postgres", "postgres");
  }
}
