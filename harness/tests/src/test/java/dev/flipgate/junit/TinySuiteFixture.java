package dev.flipgate.junit;

/** An anchor for the engine tests (not named *Test, so Surefire does not run it by itself). */
@GoldenSuite("suite.yaml")
class TinySuiteFixture {}
