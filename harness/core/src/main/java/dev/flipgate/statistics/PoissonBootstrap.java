package dev.flipgate.statistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A paired bootstrap that works on sufficient statistics: the counts of each distinct
 * (label, deployed answer, candidate answer) cell of a slice. Every example keeps its pairing of
 * the two models' answers, and its weight in a resample is Poisson(1), so a cell of c examples
 * gets Poisson(c) — the Poisson bootstrap. Its cost depends on the number of cells, not of
 * examples. The interval is the percentile interval of the statistic over the resamples.
 *
 * <p>Seeded: the same seed, stream name and counts give the same interval on every run.
 */
public final class PoissonBootstrap {
  public static final String METHOD = "paired-poisson-bootstrap-percentile";

  private final long seed;
  private final int resamples;
  private final double level;

  public PoissonBootstrap(long seed, int resamples, double level) {
    if (resamples < 100 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("a bootstrap needs at least 100 resamples and a level in (0, 1)");
    }
    this.seed = seed;
    this.resamples = resamples;
    this.level = level;
  }

  public int resamples() {
    return resamples;
  }

  /**
   * @param counts the count of each cell
   * @param statistic the statistic of resampled (real-valued) counts, e.g. a delta of accuracies;
   *     NaN where undefined (such resamples are left out)
   * @param stream names what is resampled (slice and metric), so each gets its own random stream
   * @throws IllegalArgumentException if the statistic is undefined on every resample
   */
  public Interval interval(long[] counts, ToDoubleFunction<double[]> statistic, String stream) {
    Interval interval = intervals(counts, resampled -> new double[] {statistic.applyAsDouble(resampled)}, 1, stream)[0];
    if (interval == null) {
      throw new IllegalArgumentException("the statistic is undefined on every resample of " + stream);
    }
    return interval;
  }

  /**
   * Intervals of several statistics from the same resamples (e.g. every metric delta of a
   * slice); an element is empty where the statistic was undefined on every resample.
   */
  public Interval[] intervals(long[] counts, Function<double[], double[]> statistics, int size, String stream) {
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, streamKey(stream)});
    double[][] values = new double[size][resamples];
    int[] kept = new int[size];
    double[] resampled = new double[counts.length];
    // One sampler per distinct cell count: most cells share a count (every example is a cell of 1
    // when examples are resampled), and building a sampler costs far more than drawing from it.
    Map<Long, DiscreteSampler> samplerOfCount = new HashMap<>();
    DiscreteSampler[] samplers = new DiscreteSampler[counts.length];
    for (int cell = 0; cell < counts.length; cell++) {
      if (counts[cell] > 0) {
        samplers[cell] = samplerOfCount.computeIfAbsent(counts[cell], c -> PoissonSampler.of(random, c));
      }
    }
    for (int r = 0; r < resamples; r++) {
      for (int cell = 0; cell < counts.length; cell++) {
        resampled[cell] = samplers[cell] == null ? 0 : samplers[cell].sample();
      }
      double[] statistic = statistics.apply(resampled);
      for (int s = 0; s < size; s++) {
        if (Double.isFinite(statistic[s])) {
          values[s][kept[s]++] = statistic[s];
        }
      }
    }
    Interval[] intervals = new Interval[size];
    for (int s = 0; s < size; s++) {
      if (kept[s] > 0) {
        double[] sorted = Arrays.copyOf(values[s], kept[s]);
        Arrays.sort(sorted);
        intervals[s] = new Interval(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), level, METHOD);
      }
    }
    return intervals;
  }

  /** Linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7). */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /** A stable 64-bit key of the stream name (String.hashCode is specified, so this is too). */
  private static long streamKey(String stream) {
    long h = 1125899906842597L;
    for (int i = 0; i < stream.length(); i++) {
      h = 31 * h + stream.charAt(i);
    }
    return h;
  }
}
