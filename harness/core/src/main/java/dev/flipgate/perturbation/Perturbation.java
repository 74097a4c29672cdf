package dev.flipgate.perturbation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.flipgate.failure.Problem;
import java.util.SplittableRandom;

/**
 * A change made to a model input at run time, as a suite declares it under
 * {@code perturbations.generate[].change} by its {@code kind}. Deterministic for the random
 * stream it is given; the generator clips the result into the inputs' valid range. A new kind is
 * one record here plus its test.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Shift.class, name = Shift.KIND),
  @JsonSubTypes.Type(value = Rotation.class, name = Rotation.KIND),
  @JsonSubTypes.Type(value = GaussianNoise.class, name = GaussianNoise.KIND),
  @JsonSubTypes.Type(value = BrightnessContrast.class, name = BrightnessContrast.KIND),
  @JsonSubTypes.Type(value = Occlusion.class, name = Occlusion.KIND),
  @JsonSubTypes.Type(value = FeatureJitter.class, name = FeatureJitter.KIND),
  @JsonSubTypes.Type(value = FeatureStep.class, name = FeatureStep.KIND),
  @JsonSubTypes.Type(value = MissingValue.class, name = MissingValue.KIND)
})
public sealed interface Perturbation permits ImagePerturbation, FeatureJitter, FeatureStep, MissingValue {

  /** The kind as the suite writes it. */
  String kind();

  /**
   * Checks the parameters and that the inputs suit the kind (an image kind needs an image, a
   * feature kind its features).
   *
   * @throws dev.flipgate.failure.ConfigurationException at {@code where}
   */
  void validate(Inputs inputs, Problem.Builder where);

  /** A perturbed copy of {@code values}, drawing what it needs from {@code random}. */
  float[] apply(float[] values, Inputs inputs, SplittableRandom random);

  /** What it does, in words, for reports. */
  String describe();

  /** Whether the kind changes pixels of an image (and so needs the inputs' valid range to clip into). */
  default boolean isImage() {
    return false;
  }
}
