package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * Turns the image about its centre by an angle drawn from −degrees…degrees (bilinear sampling),
 * filling the corners that come in with {@code fill}.
 *
 * <pre>change: { kind: rotation, degrees: 10, fill: 0 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Rotation.KIND)
public record Rotation(Double degrees, Double fill) implements ImagePerturbation {
  public static final String KIND = "rotation";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.requireImage(KIND, where);
    Inputs.require(degrees, "degrees", 0.1, 180, where);
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    double angle = (random.nextDouble() * 2 - 1) * degrees;
    return Images.rotated(values, inputs, angle, fill == null ? 0f : fill.floatValue());
  }

  @Override
  public String describe() {
    return "turned by up to " + degrees + "° either way";
  }
}
