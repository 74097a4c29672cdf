package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * Adds independent Gaussian noise of standard deviation {@code sigma} to every value (in the
 * inputs' units: for 0…255 pixels, sigma 16 is visible grain).
 *
 * <pre>change: { kind: gaussian-noise, sigma: 16 }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(GaussianNoise.KIND)
public record GaussianNoise(Double sigma) implements ImagePerturbation {
  public static final String KIND = "gaussian-noise";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    inputs.requireImage(KIND, where);
    Inputs.require(sigma, "sigma", 0, Double.MAX_VALUE, where);
  }

  @Override
  public float[] apply(float[] values, Inputs inputs, SplittableRandom random) {
    float[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += (float) (gaussian(random) * sigma);
    }
    return out;
  }

  /** A standard normal draw (Box–Muller): SplittableRandom has none of its own on Java 17. */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble(); // in (0, 1]: the logarithm stays finite
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Override
  public String describe() {
    return "Gaussian noise of standard deviation " + sigma;
  }
}
