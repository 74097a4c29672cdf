package dev.flipgate.comparison;

import java.util.List;
import java.util.OptionalDouble;

/** Both models on one slice: the flip table and each model's metrics. */
public record SliceComparison(
    String name, String description, FlipCounts counts, ClassificationMetrics deployed,
    ClassificationMetrics candidate, List<String> negativeFlipIds, PairedCells cells, SliceEvidence evidence) {

  public SliceComparison {
    negativeFlipIds = List.copyOf(negativeFlipIds);
  }

  public long n() {
    return counts.n();
  }

  /** {@code candidate − deployed}: positive means the candidate is better. */
  public OptionalDouble delta(SliceMetric metric) {
    OptionalDouble before = metric.of(deployed);
    OptionalDouble after = metric.of(candidate);
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
        : OptionalDouble.empty();
  }
}
