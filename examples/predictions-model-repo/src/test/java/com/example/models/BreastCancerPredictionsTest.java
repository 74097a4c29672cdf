package com.example.models;

import dev.flipgate.junit.GoldenSuite;

/** The breast-cancer gate on predictions files: each rule × slice is a test Surefire reports. */
@GoldenSuite("flipgate/suite.yaml")
class BreastCancerPredictionsTest {}
