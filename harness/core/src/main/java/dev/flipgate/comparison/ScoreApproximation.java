package dev.flipgate.comparison;

import java.util.Map;

/**
 * A slice whose score metrics come from binned scores ({@link BinnedScores}), not from every
 * example's scores: the bin count, and per model the most each score metric can differ from the
 * exact value. Their deltas have no bootstrap interval (that needs the examples), so a rule that
 * judges a score metric by an interval's bound cannot pass on them.
 */
public record ScoreApproximation(int bins, Map<SliceMetric, Double> deployedErrorBounds,
    Map<SliceMetric, Double> candidateErrorBounds) {

  public ScoreApproximation {
    deployedErrorBounds = Map.copyOf(deployedErrorBounds);
    candidateErrorBounds = Map.copyOf(candidateErrorBounds);
  }
}
