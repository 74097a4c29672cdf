package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The per-model metrics a rule can name, by the key they have in {@code result.json}. */
public enum SliceMetric {
  ACCURACY("accuracy", ClassificationMetrics::accuracy),
  MACRO_PRECISION("macroPrecision", ClassificationMetrics::macroPrecision),
  MACRO_RECALL("macroRecall", ClassificationMetrics::macroRecall),
  MACRO_F1("macroF1", ClassificationMetrics::macroF1);

  private final String id;
  private final Function<ClassificationMetrics, OptionalDouble> value;

  SliceMetric(String id, Function<ClassificationMetrics, OptionalDouble> value) {
    this.id = id;
    this.value = value;
  }

  public String id() {
    return id;
  }

  public OptionalDouble of(ClassificationMetrics metrics) {
    return value.apply(metrics);
  }

  public static Optional<SliceMetric> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SliceMetric::id).toList();
  }
}
