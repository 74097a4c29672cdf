package dev.flipgate.perturbation;

/** A perturbation of an image's pixels: it needs an image input, and the inputs' valid range to clip into. */
public sealed interface ImagePerturbation extends Perturbation permits Shift, Rotation, GaussianNoise, BrightnessContrast, Occlusion {

  @Override
  default boolean isImage() {
    return true;
  }
}
