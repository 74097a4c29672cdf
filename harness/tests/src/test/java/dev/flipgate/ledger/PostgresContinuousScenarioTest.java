package dev.flipgate.ledger;

import dev.flipgate.testing.PostgresServer;

/** The continuous MNIST scenario with a team's ledger: a real PostgreSQL server, by JDBC URL. */
class PostgresContinuousScenarioTest extends ContinuousMnistScenario {
  @Override
  String ledger() {
    return PostgresServer.url();
  }
}
