package dev.flipgate.comparison;

import java.util.OptionalDouble;

/**
 * The pooled 2×2 table of a slice: {@code a} both right, {@code b} negative flips (deployed right,
 * candidate wrong), {@code c} positive flips, {@code d} both wrong. Every flip metric is a ratio
 * of these counts; a ratio whose denominator is zero is empty rather than a made-up number.
 */
public record FlipCounts(long bothRight, long negativeFlips, long positiveFlips, long bothWrong) {

  public FlipCounts {
    if (bothRight < 0 || negativeFlips < 0 || positiveFlips < 0 || bothWrong < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  public static FlipCounts of(Iterable<FlipKind> kinds) {
    long[] counts = new long[FlipKind.values().length];
    kinds.forEach(kind -> counts[kind.ordinal()]++);
    return new FlipCounts(counts[FlipKind.BOTH_RIGHT.ordinal()], counts[FlipKind.NEGATIVE.ordinal()],
        counts[FlipKind.POSITIVE.ordinal()], counts[FlipKind.BOTH_WRONG.ordinal()]);
  }

  public long n() {
    return bothRight + negativeFlips + positiveFlips + bothWrong;
  }

  public OptionalDouble deployedAccuracy() {
    return ratio(bothRight + negativeFlips, n());
  }

  public OptionalDouble candidateAccuracy() {
    return ratio(bothRight + positiveFlips, n());
  }

  /** Negative flip rate b/n. */
  public OptionalDouble nfr() {
    return ratio(negativeFlips, n());
  }

  /** Positive flip rate c/n. */
  public OptionalDouble pfr() {
    return ratio(positiveFlips, n());
  }

  /** Negative flip impact b/(b+d): the share of the candidate's errors that are new. */
  public OptionalDouble nfi() {
    return ratio(negativeFlips, negativeFlips + bothWrong);
  }

  /** Backward trust compatibility a/(a+b): how much of what deployed got right stays right. */
  public OptionalDouble btc() {
    return ratio(bothRight, bothRight + negativeFlips);
  }

  /** Backward error compatibility d/(b+d): how many of the candidate's errors deployed made too. */
  public OptionalDouble bec() {
    return ratio(bothWrong, negativeFlips + bothWrong);
  }

  private static OptionalDouble ratio(long numerator, long denominator) {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }
}
