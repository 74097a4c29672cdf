package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The metrics of one model on one slice: every {@link SliceMetric} that could be computed (a
 * metric is absent when its denominator is zero, the task is not binary, or the model gave no
 * scores), the per-class table and the confusion matrix (rows: label, columns: answer, in the
 * golden set's class order).
 */
public record ClassificationMetrics(Map<SliceMetric, Double> values, List<ClassMetrics> perClass, long[][] confusion) {

  public ClassificationMetrics {
    values = Collections.unmodifiableMap(new EnumMap<>(values.isEmpty() ? new EnumMap<>(SliceMetric.class) : values));
    perClass = List.copyOf(perClass);
    confusion = Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
  }

  /** Precision, recall and F1 of one class, and how many examples carry its label. */
  public record ClassMetrics(String className, double precision, double recall, double f1, long support) {}

  public OptionalDouble value(SliceMetric metric) {
    Double value = values.get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public long[][] confusion() {
    return Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
  }
}
