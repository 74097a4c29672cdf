package dev.flipgate.statistics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Whether a measurement is precise enough to reveal a difference of a given size. An interval
 * of half-width w at level 1 − α implies a standard error w / z(1 − α/2); a difference δ is
 * detected with probability {@code power} when δ ≥ (z(1 − α/2) + z(power)) · standard error
 * (the normal approximation). A slice whose interval is too wide for the rule's threshold is
 * underpowered: it can neither show a regression of that size nor rule one out.
 */
public final class Power {
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private Power() {}

  /** The smallest difference the interval can reveal with the given power. */
  public static double minimumDetectable(Interval interval, double power) {
    if (!(power > 0 && power < 1)) {
      throw new IllegalArgumentException("power must lie in (0, 1), got " + power);
    }
    double zLevel = STANDARD.inverseCumulativeProbability(0.5 + interval.level() / 2);
    double standardError = (interval.high() - interval.low()) / 2 / zLevel;
    return (zLevel + STANDARD.inverseCumulativeProbability(power)) * standardError;
  }

  /**
   * The smallest change in a rate that a slice of {@code n} can reveal with {@code power} when the
   * true change is {@code threshold}: the paired differences of such a change vary by at least
   * threshold·(1 − threshold), so (z(1 − α/2) + z(power))·√(threshold·(1 − threshold)/n).
   */
  public static double minimumDetectableRateChange(double threshold, long n, double level, double power) {
    if (!(threshold > 0 && threshold < 1) || n <= 0) {
      throw new IllegalArgumentException("need a threshold in (0, 1) and n > 0, got " + threshold + " and " + n);
    }
    double zLevel = STANDARD.inverseCumulativeProbability(0.5 + level / 2);
    return (zLevel + STANDARD.inverseCumulativeProbability(power)) * Math.sqrt(threshold * (1 - threshold) / n);
  }
}
