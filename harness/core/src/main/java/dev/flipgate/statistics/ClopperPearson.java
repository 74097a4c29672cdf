package dev.flipgate.statistics;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper–Pearson ("exact") interval for a binomial proportion k/n, from Beta quantiles.
 * Conservative: it covers the true rate at least as often as its level says, which suits a gate
 * that must not promote on luck.
 */
public final class ClopperPearson {
  public static final String NAME = "clopper-pearson";

  private ClopperPearson() {}

  /** The two-sided interval at {@code level}, e.g. 0.95 (α/2 in each tail). */
  public static Interval interval(long successes, long trials, double level) {
    check(successes, trials, level);
    double alpha = 1 - level;
    double low = successes == 0 ? 0.0
        : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(alpha / 2);
    double high = successes == trials ? 1.0
        : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(1 - alpha / 2);
    return new Interval(low, high, level, NAME);
  }

  /**
   * The one-sided upper bound at {@code confidence}: the true rate is at most this with that
   * confidence (the upper end of the two-sided interval at level 2·confidence − 1).
   */
  public static double upperBound(long successes, long trials, double confidence) {
    check(successes, trials, 2 * confidence - 1);
    return successes == trials ? 1.0
        : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(confidence);
  }

  private static void check(long successes, long trials, double level) {
    if (trials <= 0 || successes < 0 || successes > trials || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "Clopper-Pearson needs 0 <= successes <= trials, trials > 0 and a level in (0, 1); got "
              + successes + " of " + trials + " at " + level);
    }
  }
}
