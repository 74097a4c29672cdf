package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Replaces one of the named features, drawn at random, with {@code value}: what the model's
 * contract says stands for a missing measurement (e.g. the training mean). Only where the contract
 * allows it: a model that takes no missing values must not be asked this.
 *
 * <pre>change: { kind: missing-value, features: [f04, f05], value: 0.0 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(MissingValue.KIND)
public record MissingValue(List<String> features, Double value) implements NumericPerturbation {
  public static final String KIND = "missing-value";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.positions(features, "features", where);
    if (value == null || !Double.isFinite(value)) {
      throw where.expected("value: the number the model's contract takes for a missing measurement")
          .found(String.valueOf(value)).whatToDo("declare it").configurationError("perturbation parameter out of range");
    }
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    int[] positions = inputs.positions(features, "features", Problem.at("missing-value"));
    float[] out = values.clone();
    out[positions[random.nextInt(positions.length)]] = value.floatValue();
    return out;
  }

  @Override
  public String describe() {
    return "one of " + features + " missing (as " + value + ")";
  }
}
