package dev.flipgate.comparison;

import java.util.Map;

/** The uncertainty of a slice's comparison: every metric delta and the negative flip rate. */
public record SliceEvidence(Map<SliceMetric, MetricEvidence> deltas, RateEvidence negativeFlipRate) {
  public SliceEvidence {
    deltas = Map.copyOf(deltas);
  }

  public MetricEvidence delta(SliceMetric metric) {
    return deltas.get(metric);
  }
}
