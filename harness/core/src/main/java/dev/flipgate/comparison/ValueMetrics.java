package dev.flipgate.comparison;

import java.util.EnumMap;
import java.util.Map;

/**
 * The metrics of a regression task, as scikit-learn defines them: mean absolute error, root mean
 * squared error and R² = 1 − SS_res / SS_tot. R² is undefined (left out) when the targets do not
 * vary, where scikit-learn reports 1 or 0 by convention. Weighted, so a bootstrap can reuse it.
 */
final class ValueMetrics implements ExampleMetrics {
  private final double[] target;
  private final double[] predicted;

  ValueMetrics(double[] target, double[] predicted) {
    this.target = target;
    this.predicted = predicted;
  }

  @Override
  public Map<SliceMetric, Double> compute(double[] weight) {
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

  /**
   * Each example's empirical influence on each metric (see {@link ScoreMetrics#influences}): for
   * MAE its absolute error less the mean; for RMSE = √MSE, (eᵢ² − MSE) / (2 RMSE); for
   * R² = 1 − MSE/V, −((eᵢ² − MSE) − (1 − R²)((yᵢ − ȳ)² − V)) / V, with V the targets' variance.
   */
  @Override
  public Map<SliceMetric, double[]> influences() {
    int n = target.length;
    Map<SliceMetric, double[]> influences = new EnumMap<>(SliceMetric.class);
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    Map<SliceMetric, Double> values = compute(ones);
    if (values.isEmpty()) {
      return influences;
    }
    double mae = values.get(SliceMetric.MEAN_ABSOLUTE_ERROR);
    double rmse = values.get(SliceMetric.ROOT_MEAN_SQUARED_ERROR);
    double mse = rmse * rmse;
    double mean = java.util.Arrays.stream(target).sum() / n;
    double variance = 0;
    for (double y : target) {
      variance += (y - mean) * (y - mean);
    }
    variance /= n;
    double[] absolute = new double[n];
    double[] root = new double[n];
    double[] explained = values.containsKey(SliceMetric.R2) ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      double error = predicted[i] - target[i];
      absolute[i] = Math.abs(error) - mae;
      root[i] = rmse == 0 ? 0 : (error * error - mse) / (2 * rmse);
      if (explained != null) {
        double spread = (target[i] - mean) * (target[i] - mean) - variance;
        explained[i] = -((error * error - mse) - (mse / variance) * spread) / variance;
      }
    }
    influences.put(SliceMetric.MEAN_ABSOLUTE_ERROR, absolute);
    influences.put(SliceMetric.ROOT_MEAN_SQUARED_ERROR, root);
    if (explained != null) {
      influences.put(SliceMetric.R2, explained);
    }
    return influences;
  }
}
