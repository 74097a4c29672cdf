package dev.flipgate.comparison;

import dev.flipgate.statistics.ClopperPearson;
import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.McNemarExactTest;
import dev.flipgate.statistics.PoissonBootstrap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures the uncertainty of one slice: a paired bootstrap interval for every metric delta
 * (resampling the slice's {@link PairedCells}, so the cost does not grow with its size),
 * McNemar's exact test for the accuracy delta, and Clopper–Pearson for the negative flip rate.
 */
final class SliceEvidenceCalculator {
  private static final SliceMetric[] METRICS = SliceMetric.values();

  private final EvidenceSettings settings;
  private final PoissonBootstrap bootstrap;

  SliceEvidenceCalculator(EvidenceSettings settings) {
    this.settings = settings;
    this.bootstrap = new PoissonBootstrap(settings.seed(), settings.resamples(), settings.level());
  }

  SliceEvidence of(String slice, FlipCounts counts, ClassificationMetrics deployed, ClassificationMetrics candidate,
      PairedCells cells) {
    Interval[] intervals = counts.n() == 0 ? new Interval[METRICS.length]
        : bootstrap.intervals(cells.counts(), weights -> deltas(cells, weights), METRICS.length, "slice/" + slice);
    Map<SliceMetric, MetricEvidence> deltas = new EnumMap<>(SliceMetric.class);
    for (int m = 0; m < METRICS.length; m++) {
      SliceMetric metric = METRICS[m];
      OptionalDouble before = metric.of(deployed);
      OptionalDouble after = metric.of(candidate);
      OptionalDouble delta = before.isPresent() && after.isPresent()
          ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble()) : OptionalDouble.empty();
      boolean tested = metric == SliceMetric.ACCURACY && counts.n() > 0;
      deltas.put(metric, new MetricEvidence(delta, Optional.ofNullable(intervals[m]),
          tested ? OptionalDouble.of(McNemarExactTest.candidateWorsePValue(counts.negativeFlips(), counts.positiveFlips()))
              : OptionalDouble.empty(),
          tested ? Optional.of(McNemarExactTest.NAME) : Optional.empty()));
    }
    return new SliceEvidence(deltas, negativeFlipRate(counts));
  }

  private RateEvidence negativeFlipRate(FlipCounts counts) {
    if (counts.n() == 0) {
      return new RateEvidence(OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty());
    }
    return new RateEvidence(counts.nfr(),
        Optional.of(ClopperPearson.interval(counts.negativeFlips(), counts.n(), settings.level())),
        OptionalDouble.of(ClopperPearson.upperBound(counts.negativeFlips(), counts.n(), settings.level())));
  }

  private static double[] deltas(PairedCells cells, double[] weights) {
    ClassificationMetrics deployed = cells.deployedMetrics(weights);
    ClassificationMetrics candidate = cells.candidateMetrics(weights);
    double[] deltas = new double[METRICS.length];
    for (int m = 0; m < METRICS.length; m++) {
      OptionalDouble before = METRICS[m].of(deployed);
      OptionalDouble after = METRICS[m].of(candidate);
      deltas[m] = before.isPresent() && after.isPresent() ? after.getAsDouble() - before.getAsDouble() : Double.NaN;
    }
    return deltas;
  }
}
