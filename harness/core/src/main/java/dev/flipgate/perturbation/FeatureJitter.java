package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves each named feature by an amount drawn from −tolerance…tolerance: {@code absolute} in the
 * feature's units, or {@code relative} to its value (0.01: ±1%). A tolerance of 0 changes nothing.
 *
 * <pre>change: { kind: jitter, features: [f00, f01], relative: 0.01 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(FeatureJitter.KIND)
public record FeatureJitter(List<String> features, Double absolute, Double relative) implements NumericPerturbation {
  public static final String KIND = "jitter";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.positions(features, "features", where);
    if ((absolute == null) == (relative == null)) {
      throw where.expected("exactly one of absolute or relative: the tolerance").found(absolute == null ? "neither" : "both")
          .whatToDo("say by how much a feature may move").configurationError("unclear jitter");
    }
    Inputs.require(absolute != null ? absolute : relative, absolute != null ? "absolute" : "relative", 0,
        absolute != null ? Double.MAX_VALUE : 1, where);
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    float[] out = values.clone();
    for (int position : inputs.positions(features, "features", Problem.at("jitter"))) {
      double draw = random.nextDouble() * 2 - 1;
      double move = absolute != null ? draw * absolute : draw * relative * values[position];
      out[position] = (float) (values[position] + move);
    }
    return out;
  }

  @Override
  public String describe() {
    return features + " moved by up to " + (absolute != null ? "±" + absolute : "±" + relative * 100 + "%");
  }
}
