package dev.flipgate.comparison;

/**
 * How the uncertainty of a comparison is measured: the confidence level of every interval, the
 * number of bootstrap resamples, the seed of the bootstrap (recorded in every result), the power
 * a slice needs to reveal a rule's threshold before it counts as adequately sized, and how many
 * bins class scores fall into where an engine cannot hold every example's scores ({@link BinnedScores}).
 */
public record EvidenceSettings(double level, int resamples, long seed, double power, int scoreBins) {
  public static final double DEFAULT_LEVEL = 0.95;
  public static final int DEFAULT_RESAMPLES = 1000;
  /** Enough for intervals stable to the third decimal; more only costs time (every slice is resampled). */
  public static final int MAX_RESAMPLES = 100_000;
  public static final double DEFAULT_POWER = 0.8;
  /** 1,000 bins keep ROC AUC within about a thousandth of the exact value for most score distributions. */
  public static final int DEFAULT_SCORE_BINS = 1_000;
  public static final int MAX_SCORE_BINS = 1_000_000;

  public EvidenceSettings {
    if (!(level > 0.5 && level < 1) || resamples < 100 || !(power > 0.5 && power < 1) || scoreBins < 10) {
      throw new IllegalArgumentException("evidence needs a level and a power in (0.5, 1), at least 100 resamples and"
          + " at least 10 score bins");
    }
  }

  public EvidenceSettings(double level, int resamples, long seed) {
    this(level, resamples, seed, DEFAULT_POWER);
  }

  public EvidenceSettings(double level, int resamples, long seed, double power) {
    this(level, resamples, seed, power, DEFAULT_SCORE_BINS);
  }
}
