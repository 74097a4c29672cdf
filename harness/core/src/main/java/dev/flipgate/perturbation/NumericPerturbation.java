package dev.flipgate.perturbation;

import java.util.SplittableRandom;

/** A perturbation of numeric inputs, an image's pixels or named features; the generator clips its result into the declared range. */
// The same type id as Perturbation's, repeated so that the schema generator, which reads it from the
// nearest supertype, gives each numeric perturbation its `kind`.
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface NumericPerturbation extends Perturbation permits ImagePerturbation, FeatureJitter, FeatureStep, MissingValue {

  /** A perturbed copy of {@code values}, drawing what it needs from {@code random}. */
  float[] apply(float[] values, Inputs inputs, SplittableRandom random);

  /** Whether the kind changes pixels of an image (and so needs the inputs' valid range to clip into). */
  default boolean isImage() {
    return false;
  }
}
