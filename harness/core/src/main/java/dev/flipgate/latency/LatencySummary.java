package dev.flipgate.latency;

import org.HdrHistogram.Histogram;

/**
 * One model's single-example latency, from an HdrHistogram of microseconds (3 significant
 * digits): the percentiles reviewers read, in milliseconds, and the bulk throughput of the
 * batched prediction pass (examples a second), kept apart because batching changes it.
 */
public record LatencySummary(int n, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs,
    double throughputPerSecond) {

  /** Highest value tracked: an hour, far beyond any timeout. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  public static LatencySummary of(long[] micros, double throughputPerSecond) {
    var histogram = new Histogram(HIGHEST_MICROS, 3);
    for (long value : micros) {
      histogram.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, value)));
    }
    return new LatencySummary(micros.length, ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
        ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getMean() / 1000.0,
        throughputPerSecond);
  }

  /** The latency at a percentile this summary reports (50, 95 or 99). */
  public double percentileMs(int percentile) {
    return switch (percentile) {
      case 50 -> p50Ms;
      case 95 -> p95Ms;
      case 99 -> p99Ms;
      default -> throw new IllegalArgumentException("reported percentiles are 50, 95 and 99, not " + percentile);
    };
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
