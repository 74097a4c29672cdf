package dev.flipgate.ledger;

/** The continuous MNIST scenario with the default ledger: an SQLite file. */
class SqliteContinuousScenarioTest extends ContinuousMnistScenario {
  @Override
  String ledger() {
    return directory.resolve("ledger.sqlite").toString();
  }
}
