package dev.flipgate.junit;

/** The sentiment suite's TF-IDF candidate, for the engine test of text suites (not run by Surefire by itself). */
@GoldenSuite(value = "golden-sets/sentiment/suite.yaml", candidate = "tfidf")
class SentimentTfidfFixture {}
