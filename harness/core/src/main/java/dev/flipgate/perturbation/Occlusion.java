package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * Covers a {@code size} × {@code size} square at a random place of the image with {@code fill}.
 *
 * <pre>change: { kind: occlusion, size: 6, fill: 0 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Occlusion.KIND)
public record Occlusion(Integer size, Double fill) implements ImagePerturbation {
  public static final String KIND = "occlusion";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.requireImage(KIND, where);
    Inputs.require(size == null ? null : size.doubleValue(), "size", 1, Math.min(inputs.height(), inputs.width()), where);
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    float[] out = values.clone();
    int left = random.nextInt(inputs.width() - size + 1);
    int top = random.nextInt(inputs.height() - size + 1);
    float value = fill == null ? 0f : fill.floatValue();
    for (int y = top; y < top + size; y++) {
      for (int x = left; x < left + size; x++) {
        for (int c = 0; c < inputs.channels(); c++) {
          out[Images.at(inputs, x, y, c)] = value;
        }
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "a " + size + "×" + size + " patch covered";
  }
}
