package dev.flipgate.comparison;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Both models on one slice: the flip table, each model's metrics and the evidence on their deltas;
 * and, where its score metrics were computed from binned scores, how closely ({@code scoreApproximation}).
 */
public record SliceComparison(
    String name, String description, FlipCounts counts, ClassificationMetrics deployed,
    ClassificationMetrics candidate, List<String> negativeFlipIds, java.util.Optional<PairedCells> cells,
    SliceEvidence evidence, java.util.Optional<ScoreApproximation> scoreApproximation) {

  public SliceComparison {
    negativeFlipIds = List.copyOf(negativeFlipIds);
    java.util.Objects.requireNonNull(scoreApproximation, "scoreApproximation");
  }

  /** A slice whose score metrics, if any, are exact. */
  public SliceComparison(String name, String description, FlipCounts counts, ClassificationMetrics deployed,
      ClassificationMetrics candidate, List<String> negativeFlipIds, java.util.Optional<PairedCells> cells,
      SliceEvidence evidence) {
    this(name, description, counts, deployed, candidate, negativeFlipIds, cells, evidence, java.util.Optional.empty());
  }

  public long n() {
    return counts.n();
  }

  /** {@code candidate − deployed}; for a loss, positive means the candidate is worse. */
  public OptionalDouble delta(SliceMetric metric) {
    OptionalDouble before = deployed.value(metric);
    OptionalDouble after = candidate.value(metric);
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
        : OptionalDouble.empty();
  }

  /** How much worse the candidate is by {@code metric} (see {@link SliceMetric#drop}). */
  public OptionalDouble drop(SliceMetric metric) {
    OptionalDouble before = deployed.value(metric);
    OptionalDouble after = candidate.value(metric);
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of(metric.drop(before.getAsDouble(), after.getAsDouble()))
        : OptionalDouble.empty();
  }
}
