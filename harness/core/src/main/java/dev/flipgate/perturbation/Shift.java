package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * Moves the image by up to {@code pixels} in x and y (each drawn from −pixels…pixels, not both 0),
 * filling what comes in with {@code fill}.
 *
 * <pre>change: { kind: shift, pixels: 2, fill: 0 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Shift.KIND)
public record Shift(Integer pixels, Double fill) implements ImagePerturbation {
  public static final String KIND = "shift";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.requireImage(KIND, where);
    Inputs.require(pixels == null ? null : pixels.doubleValue(), "pixels", 1, Math.min(inputs.height(), inputs.width()) - 1,
        where);
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    int dx;
    int dy;
    do {
      dx = random.nextInt(-pixels, pixels + 1);
      dy = random.nextInt(-pixels, pixels + 1);
    } while (dx == 0 && dy == 0);
    return Images.shifted(values, inputs, dx, dy, fill == null ? 0f : fill.floatValue());
  }

  @Override
  public String describe() {
    return "shifted by up to " + pixels + " pixels in x and y";
  }
}
