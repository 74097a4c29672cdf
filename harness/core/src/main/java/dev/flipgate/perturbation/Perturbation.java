package dev.flipgate.perturbation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.flipgate.failure.Problem;

/**
 * A change made to a model input at run time, as a suite declares it under
 * {@code perturbations.generate[].change} by its {@code kind}: of numbers ({@link NumericPerturbation},
 * images and features) or of a text ({@link TextPerturbation}, CheckList's typos, contractions,
 * name swaps, …). Deterministic for the random stream it is given. A new kind is one record here
 * plus its test.
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
  @JsonSubTypes.Type(value = MissingValue.class, name = MissingValue.KIND),
  @JsonSubTypes.Type(value = Typo.class, name = Typo.KIND),
  @JsonSubTypes.Type(value = Contraction.class, name = Contraction.KIND),
  @JsonSubTypes.Type(value = Punctuation.class, name = Punctuation.KIND),
  @JsonSubTypes.Type(value = CaseChange.class, name = CaseChange.KIND),
  @JsonSubTypes.Type(value = NameSwap.class, name = NameSwap.KIND),
  @JsonSubTypes.Type(value = AppendClause.class, name = AppendClause.KIND),
  @JsonSubTypes.Type(value = Negation.class, name = Negation.KIND)
})
public sealed interface Perturbation permits NumericPerturbation, TextPerturbation {

  /** The kind as the suite writes it. */
  String kind();

  /**
   * Checks the parameters and that the inputs suit the kind (an image kind needs an image, a
   * feature kind its features).
   *
   * @throws dev.flipgate.failure.ConfigurationException at {@code where}
   */
  void validate(Inputs inputs, Problem.Builder where);

  /** What it does, in words, for reports. */
  String describe();
}
