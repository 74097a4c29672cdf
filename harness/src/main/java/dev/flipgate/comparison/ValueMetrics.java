package dev.flipgate.comparison;

import java.util.EnumMap;
import java.util.Map;

/**
 * The metrics of a regression task, as scikit-learn defines them: mean absolute error, root mean
 * squared error and R² = 1 − SS_res / SS_tot. R² is undefined (left out) when the targets do not
 * vary, where scikit-learn reports 1 or 0 by convention. Weighted, so a bootstrap can reuse it.
 */
final class ValueMetrics {
  private final double[] target;
  private final double[] predicted;

  ValueMetrics(double[] target, double[] predicted) {
    this.target = target;
    this.predicted = predicted;
  }

  Map<SliceMetric, Double> compute(double[] weight) {
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    double total = 0;
    double mean = 0;
    for (int i = 0; i < target.length; i++) {
      total += weight[i];
      mean += weight[i] * target[i];
    }
    if (total == 0) {
      return values;
    }
    mean /= total;
    double absolute = 0;
    double squared = 0;
    double variance = 0;
    for (int i = 0; i < target.length; i++) {
      double error = predicted[i] - target[i];
      absolute += weight[i] * Math.abs(error);
      squared += weight[i] * error * error;
      variance += weight[i] * (target[i] - mean) * (target[i] - mean);
    }
    values.put(SliceMetric.MEAN_ABSOLUTE_ERROR, absolute / total);
    values.put(SliceMetric.ROOT_MEAN_SQUARED_ERROR, Math.sqrt(squared / total));
    if (variance > 0) {
      values.put(SliceMetric.R2, 1 - squared / variance);
    }
    return values;
  }
}
