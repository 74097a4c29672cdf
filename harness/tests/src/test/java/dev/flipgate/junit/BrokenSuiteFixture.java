package dev.flipgate.junit;

/** An anchor whose suite file does not exist. */
@GoldenSuite("no-such-suite.yaml")
class BrokenSuiteFixture {}
