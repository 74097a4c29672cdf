package dev.flipgate.statistics;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * McNemar's exact test, one-sided for "the candidate is worse". Under no difference the
 * negative flips b of the b + c discordant examples follow Binomial(b + c, 1/2); the p-value is
 * P(X ≥ b). It weighs the net change only: many negative flips can hide behind positive ones,
 * which is why negative flips are gated on their own too.
 */
public final class McNemarExactTest {
  public static final String NAME = "mcnemar-exact-one-sided";

  private McNemarExactTest() {}

  public static double candidateWorsePValue(long negativeFlips, long positiveFlips) {
    if (negativeFlips < 0 || positiveFlips < 0) {
      throw new IllegalArgumentException("flip counts cannot be negative");
    }
    long discordant = negativeFlips + positiveFlips;
    if (discordant == 0) {
      return 1.0;
    }
    // survivalProbability(x) is P(X > x), so P(X >= b) is survivalProbability(b - 1).
    return BinomialDistribution.of(Math.toIntExact(discordant), 0.5).survivalProbability((int) negativeFlips - 1);
  }
}
