package dev.flipgate.goldenset;

import java.util.Objects;

/**
 * A directional expectation: the score of {@code className} must not move the wrong way from the
 * source example's — must not fall (or, with {@code mustNotIncrease}, rise) by more than
 * {@code tolerance}. E.g. a larger tumour must not lower the malignancy score.
 */
public record Direction(String className, boolean mustNotIncrease, double tolerance) {

  public Direction {
    Objects.requireNonNull(className, "className");
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be a finite number of at least 0");
    }
  }

  /** Whether moving from {@code before} to {@code after} keeps the direction. */
  public boolean holds(double before, double after) {
    return mustNotIncrease ? after - before <= tolerance : before - after <= tolerance;
  }

  public String describe() {
    return "the " + className + " score must not " + (mustNotIncrease ? "rise" : "fall")
        + (tolerance > 0 ? " by more than " + tolerance : "");
  }
}
