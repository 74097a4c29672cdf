package dev.flipgate.gate;

/** Checks a rule's threshold is a rate a rule can use. */
final class Thresholds {
  private Thresholds() {}

  static void requireNonNegative(Double value, String key, RuleLocation location) {
    if (value == null || !(value >= 0) || value.isInfinite()) {
      throw location.problem().expected(key + " of at least 0").found(value == null ? "no " + key : String.valueOf(value))
          .whatToDo("set the largest worsening the rule allows; 0 allows none").configurationError("invalid threshold");
    }
  }

  static void requireRate(Double value, String key, RuleLocation location) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw location.problem().expected(key + " between 0 and 1 (a rate; 0.005 is half a percent)")
          .found(value == null ? "no " + key : String.valueOf(value))
          .whatToDo("a drop is deployed − candidate, so a negative maximum would block improvements; use 0 to allow none")
          .configurationError("invalid threshold");
    }
  }
}
