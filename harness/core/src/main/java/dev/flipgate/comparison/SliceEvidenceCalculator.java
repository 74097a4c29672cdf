package dev.flipgate.comparison;

import dev.flipgate.statistics.ClopperPearson;
import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.McNemarExactTest;
import dev.flipgate.statistics.PoissonBootstrap;
import dev.flipgate.statistics.TangoScoreInterval;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures the uncertainty of one slice. The accuracy delta gets Tango's score interval for
 * paired proportions and McNemar's exact test; other answer-based metric deltas a paired
 * bootstrap over the slice's {@link PairedCells} (cost independent of the slice's size);
 * score-based deltas a paired bootstrap over its examples (both models' scores of an example
 * move together) up to {@link #EXACT_SCORE_BOOTSTRAP_LIMIT} examples and a paired delta-method
 * interval beyond, and so do regression metrics; the negative flip rate Clopper–Pearson.
 */
final class SliceEvidenceCalculator {
  private static final SliceMetric[] ANSWER_METRICS =
      Arrays.stream(SliceMetric.values()).filter(m -> m.source() == SliceMetric.Source.ANSWERS).toArray(SliceMetric[]::new);
  private static final SliceMetric[] SCORE_METRICS =
      Arrays.stream(SliceMetric.values()).filter(m -> m.source() == SliceMetric.Source.SCORES).toArray(SliceMetric[]::new);
  private static final SliceMetric[] VALUE_METRICS =
      Arrays.stream(SliceMetric.values()).filter(m -> m.source() == SliceMetric.Source.VALUES).toArray(SliceMetric[]::new);

  /**
   * The largest slice whose score-metric (and regression-metric) deltas are bootstrapped example
   * by example. Each resample re-reads every example (for scores a sweep per class), so beyond this
   * the cost grows with examples × resamples; larger slices take the delta-method interval on the
   * same paired influences ({@link InfluenceInterval}), whose variance is the bootstrap's to first
   * order.
   */
  static final int EXACT_SCORE_BOOTSTRAP_LIMIT = 20_000;

  private final EvidenceSettings settings;
  private final PoissonBootstrap bootstrap;

  SliceEvidenceCalculator(EvidenceSettings settings) {
    this.settings = settings;
    this.bootstrap = new PoissonBootstrap(settings.seed(), settings.resamples(), settings.level());
  }

  SliceEvidence of(String slice, FlipCounts counts, SliceComparisonParts parts) {
    Map<SliceMetric, Interval> intervals = new EnumMap<>(SliceMetric.class);
    if (counts.n() > 0 && parts.cells().isPresent()) {
      PairedCells cells = parts.cells().get();
      collect(intervals, ANSWER_METRICS, bootstrap.intervals(cells.counts(),
          w -> cells.deltas(w, ANSWER_METRICS),
          ANSWER_METRICS.length, "slice/" + slice));
    }
    if (counts.n() > 0 && parts.deployedScores().isPresent() && parts.candidateScores().isPresent()) {
      perExample(intervals, SCORE_METRICS, counts.n(), parts.deployedScores().get(), parts.candidateScores().get(), parts,
          "slice-scores/" + slice);
    }
    if (counts.n() > 0 && parts.deployedValues().isPresent()) {
      perExample(intervals, VALUE_METRICS, counts.n(), parts.deployedValues().get(), parts.candidateValues().orElseThrow(),
          parts, "slice-values/" + slice);
    }
    Map<SliceMetric, MetricEvidence> deltas = new EnumMap<>(SliceMetric.class);
    for (SliceMetric metric : SliceMetric.values()) {
      OptionalDouble before = parts.deployed().value(metric);
      OptionalDouble after = parts.candidate().value(metric);
      if (before.isEmpty() || after.isEmpty()) {
        continue;
      }
      boolean tested = metric == SliceMetric.ACCURACY;
      // Accuracy's change has an exact paired form: Tango's score interval over the flips, which
      // stays as wide as the slice is small even when no flip was observed (a bootstrap gives [0, 0]).
      Optional<Interval> interval = tested && counts.n() > 0
          ? Optional.of(TangoScoreInterval.interval(counts.positiveFlips(), counts.negativeFlips(), counts.n(), settings.level()))
          : Optional.ofNullable(intervals.get(metric));
      deltas.put(metric, new MetricEvidence(OptionalDouble.of(after.getAsDouble() - before.getAsDouble()),
          interval,
          tested ? OptionalDouble.of(McNemarExactTest.candidateWorsePValue(counts.negativeFlips(), counts.positiveFlips()))
              : OptionalDouble.empty(),
          tested ? Optional.of(McNemarExactTest.NAME) : Optional.empty()));
    }
    return new SliceEvidence(deltas, negativeFlipRate(counts));
  }

  /**
   * Intervals of metrics computed from the examples themselves: a paired bootstrap of the examples
   * up to {@link #EXACT_SCORE_BOOTSTRAP_LIMIT}, the paired delta-method beyond.
   */
  private void perExample(Map<SliceMetric, Interval> into, SliceMetric[] metrics, long n, ExampleMetrics deployed,
      ExampleMetrics candidate, SliceComparisonParts parts, String stream) {
    if (n <= EXACT_SCORE_BOOTSTRAP_LIMIT) {
      collect(into, metrics, bootstrap.intervals(eachExampleOnce(n),
          w -> deltas(metrics, deployed.compute(w), candidate.compute(w)), metrics.length, stream));
    } else {
      into.putAll(InfluenceInterval.ofDeltas(deployed.influences(), candidate.influences(), parts, settings.level()));
    }
  }

  /** Cell counts that make each example a cell of its own: a bootstrap of the examples themselves. */
  private static long[] eachExampleOnce(long n) {
    long[] ones = new long[Math.toIntExact(n)];
    Arrays.fill(ones, 1);
    return ones;
  }

  private static void collect(Map<SliceMetric, Interval> into, SliceMetric[] metrics, Interval[] intervals) {
    for (int m = 0; m < metrics.length; m++) {
      if (intervals[m] != null) {
        into.put(metrics[m], intervals[m]);
      }
    }
  }

  private static double[] deltas(SliceMetric[] metrics, Map<SliceMetric, Double> deployed, Map<SliceMetric, Double> candidate) {
    double[] deltas = new double[metrics.length];
    for (int m = 0; m < metrics.length; m++) {
      Double before = deployed.get(metrics[m]);
      Double after = candidate.get(metrics[m]);
      deltas[m] = before == null || after == null ? Double.NaN : after - before;
    }
    return deltas;
  }

  private RateEvidence negativeFlipRate(FlipCounts counts) {
    if (counts.n() == 0) {
      return new RateEvidence(OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty());
    }
    return new RateEvidence(counts.nfr(),
        Optional.of(ClopperPearson.interval(counts.negativeFlips(), counts.n(), settings.level())),
        OptionalDouble.of(ClopperPearson.upperBound(counts.negativeFlips(), counts.n(), settings.level())));
  }
}
