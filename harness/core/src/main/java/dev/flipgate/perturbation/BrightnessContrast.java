package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * Changes contrast about {@code midpoint} by a factor drawn from 1 − contrast…1 + contrast, then
 * brightness by an offset drawn from −brightness…brightness: v' = (v − midpoint) · factor +
 * midpoint + offset.
 *
 * <pre>change: { kind: brightness-contrast, brightness: 40, contrast: 0.3, midpoint: 127.5 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(BrightnessContrast.KIND)
public record BrightnessContrast(Double brightness, Double contrast, Double midpoint) implements ImagePerturbation {
  public static final String KIND = "brightness-contrast";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.requireImage(KIND, where);
    Inputs.require(brightness == null ? 0.0 : brightness, "brightness", 0, Double.MAX_VALUE, where);
    Inputs.require(contrast == null ? 0.0 : contrast, "contrast", 0, 0.99, where);
    if ((brightness == null || brightness == 0) && (contrast == null || contrast == 0)) {
      throw where.expected("brightness or contrast above 0").found("neither").whatToDo("set at least one")
          .configurationError("perturbation changes nothing");
    }
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    double factor = 1 + (random.nextDouble() * 2 - 1) * (contrast == null ? 0 : contrast);
    double offset = (random.nextDouble() * 2 - 1) * (brightness == null ? 0 : brightness);
    double mid = midpoint == null ? 0 : midpoint;
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) ((values[i] - mid) * factor + mid + offset);
    }
    return out;
  }

  @Override
  public String describe() {
    return "brightness ±" + (brightness == null ? 0 : brightness) + ", contrast ×(1 ± " + (contrast == null ? 0 : contrast) + ")";
  }
}
