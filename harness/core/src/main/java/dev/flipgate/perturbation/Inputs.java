package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import java.util.List;

/** What a perturbation may assume of the model inputs: their layout, and the names of their values. */
public record Inputs(InputLayout layout, List<String> columns) {

  public Inputs {
    columns = List.copyOf(columns);
  }

  public int height() {
    return layout.shape()[0];
  }

  public int width() {
    return layout.shape()[1];
  }

  public int channels() {
    int[] shape = layout.shape();
    return shape.length > 2 ? shape[2] : 1;
  }

  /** Refuses a non-image input for an image kind. */
  void requireImage(String kind, Problem.Builder where) {
    if (layout.order() != InputLayout.Order.HWC || layout.shape().length < 2) {
      throw where.expected("an image input (layout: HWC) for a " + kind + " perturbation")
          .found("layout " + layout.order() + " with shape " + java.util.Arrays.toString(layout.shape()))
          .whatToDo("use a feature perturbation (jitter, feature-step, missing-value) on this golden set")
          .configurationError("perturbation does not suit the inputs");
    }
  }

  /** The position of each named feature, refusing a name the inputs do not have. */
  int[] positions(List<String> features, String key, Problem.Builder where) {
    if (features == null || features.isEmpty()) {
      throw where.expected(key + ": the input columns to change").found("none").whatToDo("name them")
          .configurationError("perturbation changes nothing");
    }
    int[] positions = new int[features.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = columns.indexOf(features.get(i));
      if (positions[i] < 0) {
        throw where.expected(key + ": input columns of the golden set, e.g. " + columns.subList(0, Math.min(5, columns.size())))
            .found("'" + features.get(i) + "'").whatToDo("fix the feature's name")
            .configurationError("perturbation names a feature the inputs do not have");
      }
    }
    return positions;
  }

  /** Refuses a word parameter that is missing or not one of {@code options}, naming it. */
  static void requireOneOf(String value, String key, List<String> options, Problem.Builder where) {
    if (value == null || !options.contains(value)) {
      throw where.expected(key + ": " + String.join(" or ", options)).found(value == null ? "none" : "'" + value + "'")
          .whatToDo("fix " + key).configurationError("perturbation parameter out of range");
    }
  }

  /** Refuses a parameter outside [min, max] (or missing), naming it. */
  static double require(Double value, String key, double min, double max, Problem.Builder where) {
    if (value == null || !(value >= min && value <= max)) {
      throw where.expected(key + ": a number from " + min + " to " + max).found(String.valueOf(value))
          .whatToDo("fix " + key).configurationError("perturbation parameter out of range");
    }
    return value;
  }
}
