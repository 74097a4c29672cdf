package dev.flipgate.latency;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * How much slower the candidate is at a percentile — {@code candidate pXX / deployed pXX} — with
 * a paired percentile bootstrap interval: examples are resampled with replacement, both models'
 * latencies on an example staying together, so machine noise common to both cancels. Percentiles
 * are nearest-rank on the raw samples. Seeded, so a run reproduces its interval.
 */
public record PercentileRatio(int percentile, double estimate, double lower, double upper, double level, int resamples) {

  public static PercentileRatio of(long[] deployed, long[] candidate, int percentile, double level, int resamples, long seed) {
    int n = deployed.length;
    if (n == 0 || candidate.length != n) {
      throw new IllegalArgumentException("a ratio needs paired samples");
    }
    double estimate = (double) nearestRank(candidate.clone(), percentile) / nearestRank(deployed.clone(), percentile);
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] ratios = new double[resamples];
    long[] d = new long[n];
    long[] c = new long[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        d[i] = deployed[pick];
        c[i] = candidate[pick];
      }
      ratios[b] = (double) nearestRank(c, percentile) / nearestRank(d, percentile);
    }
    Arrays.sort(ratios);
    double alpha = 1 - level;
    return new PercentileRatio(percentile, estimate, quantile(ratios, alpha / 2), quantile(ratios, 1 - alpha / 2), level,
        resamples);
  }

  /** The smallest value with at least {@code percentile}% of the samples at or below it; sorts {@code values}. */
  static long nearestRank(long[] values, int percentile) {
    Arrays.sort(values);
    int rank = (int) Math.ceil(percentile / 100.0 * values.length);
    return Math.max(1, values[Math.max(0, rank - 1)]);
  }

  /** Linear interpolation between order statistics (numpy's default), for the interval's bounds. */
  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
