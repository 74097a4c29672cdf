package com.example.models;

import dev.flipgate.junit.GoldenSuite;

/** The MNIST gate as this repository's tests: each rule × slice is a test Surefire reports. */
@GoldenSuite("golden-sets/mnist/suite.yaml")
class MnistRegressionTest {}
