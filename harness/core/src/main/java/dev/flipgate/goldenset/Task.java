package dev.flipgate.goldenset;

/**
 * What a golden set's labels are: classes, or numbers. A regression task declares the
 * tolerance by which an example's absolute error may grow before it counts as a regression
 * (the numeric counterpart of a negative flip).
 */
public sealed interface Task {

  record Classification() implements Task {}

  record Regression(double tolerance) implements Task {
    public Regression {
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("tolerance must be a finite number of at least 0");
      }
    }
  }

  default boolean isRegression() {
    return this instanceof Regression;
  }
}
