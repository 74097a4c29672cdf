package dev.flipgate.comparison;

import java.util.Map;

/**
 * Metrics computed from a slice's examples themselves (class scores, regression values), not from
 * its paired cells: weighted, so a bootstrap can resample examples, and with each example's
 * influence, for the delta-method interval of a slice too large to resample.
 */
sealed interface ExampleMetrics permits ScoreMetrics, ValueMetrics {

  /** @param weight each example's weight, by position in the slice */
  Map<SliceMetric, Double> compute(double[] weight);

  /** Each example's empirical influence on each metric defined on the slice. */
  Map<SliceMetric, double[]> influences();
}
