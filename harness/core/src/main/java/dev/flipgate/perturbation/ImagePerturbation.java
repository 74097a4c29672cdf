package dev.flipgate.perturbation;

/** A perturbation of an image's pixels: it needs an image input, and the inputs' valid range to clip into. */
// The same type id as Perturbation's, repeated so that the schema generator, which reads it from the
// nearest supertype, gives each image perturbation its `kind`.
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface ImagePerturbation extends NumericPerturbation permits Shift, Rotation, GaussianNoise, BrightnessContrast, Occlusion {

  @Override
  default boolean isImage() {
    return true;
  }
}
