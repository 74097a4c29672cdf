package dev.flipgate.comparison;

/**
 * How the uncertainty of a comparison is measured: the confidence level of every interval, the
 * number of bootstrap resamples, and the seed of the bootstrap (recorded in every result).
 */
public record EvidenceSettings(double level, int resamples, long seed) {
  public static final double DEFAULT_LEVEL = 0.95;
  public static final int DEFAULT_RESAMPLES = 1000;

  public EvidenceSettings {
    if (!(level > 0.5 && level < 1) || resamples < 100) {
      throw new IllegalArgumentException("evidence needs a level in (0.5, 1) and at least 100 resamples");
    }
  }
}
