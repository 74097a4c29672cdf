package dev.flipgate.statistics;

import java.util.Objects;

/** A confidence interval: {@code [low, high]} at {@code level} (0.95 for 95%), made by {@code method}. */
public record Interval(double low, double high, double level, String method) {

  public Interval {
    Objects.requireNonNull(method, "method");
    if (!(low <= high) || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("invalid interval [" + low + ", " + high + "] at level " + level);
    }
  }

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
