package dev.flipgate.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The continuous MNIST scenario with a team's ledger: a real PostgreSQL server, by JDBC URL. */
class PostgresContinuousScenarioTest extends ContinuousMnistScenario {
  private static EmbeddedPostgres server;

  @BeforeAll
  static void startPostgres() throws IOException {
    server = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    server.close();
  }

  @Override
  String ledger() {
    return server.getJdbcUrl("postgres", "postgres");
  }
}
