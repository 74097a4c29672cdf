package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A CheckList-style change to a text input (Ribeiro et al., ACL 2020): a typo, a contraction, a
 * name swapped, a clause appended, a negation inserted. It changes only what its kind says, and
 * declines a text it does not apply to (a sentence with no name has no name to swap): such a
 * source yields no example rather than an unchanged copy counted as a pass.
 */
// The same type id as Perturbation's, repeated so that the schema generator, which reads it from the
// nearest supertype, gives each text perturbation its `kind`.
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface TextPerturbation extends Perturbation
    permits Typo, Contraction, Punctuation, CaseChange, NameSwap, AppendClause, Negation {

  /** The changed text, drawing what it needs from {@code random}; empty when the kind does not apply to {@code text}. */
  Optional<String> apply(String text, SplittableRandom random);

  /** Whether the change reverses the text's meaning, so that its true label is the other of two classes (a negation). */
  default boolean reversesLabel() {
    return false;
  }

  @Override
  default void validate(Inputs inputs, Problem.Builder where) {
    if (!inputs.layout().isText()) {
      throw where.expected("a text golden set (input: { text: … }) for a " + kind() + " perturbation")
          .found("numeric inputs, layout " + inputs.layout())
          .whatToDo("use an image or feature perturbation on this golden set").configurationError("perturbation does not suit the inputs");
    }
  }
}
