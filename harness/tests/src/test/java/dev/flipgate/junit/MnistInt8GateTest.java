package dev.flipgate.junit;

/**
 * The flipgate engine inside this very build: Maven Surefire finds this anchor by its name, the
 * engine gates the quantized MNIST candidate, and every rule × slice shows up as a test in the
 * Surefire report (checks too small for their threshold as skipped, never as passed).
 */
@GoldenSuite(value = "../../golden-sets/mnist/suite.yaml", candidate = "int8")
class MnistInt8GateTest {}
