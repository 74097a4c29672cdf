package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Steps the named features by {@code by}: in their units, or with {@code relative: true} as a
 * fraction of their value (0.1: 10% larger). Deterministic: for directional expectations (a larger
 * tumour must not lower the malignancy score).
 *
 * <pre>change: { kind: feature-step, features: [f00, f02, f03], by: 0.1, relative: true }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(FeatureStep.KIND)
public record FeatureStep(List<String> features, Double by, Boolean relative) implements NumericPerturbation {
  public static final String KIND = "feature-step";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.positions(features, "features", where);
    if (by == null || by == 0 || !Double.isFinite(by)) {
      throw where.expected("by: a step other than 0").found(String.valueOf(by)).whatToDo("give the step")
          .configurationError("perturbation parameter out of range");
    }
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    float[] out = values.clone();
    for (int position : inputs.positions(features, "features", Problem.at("feature-step"))) {
      out[position] = (float) (Boolean.TRUE.equals(relative) ? values[position] * (1 + by) : values[position] + by);
    }
    return out;
  }

  @Override
  public String describe() {
    return features + (Boolean.TRUE.equals(relative) ? String.format(" %+.0f%%", by * 100) : String.format(" %+g", by));
  }
}
