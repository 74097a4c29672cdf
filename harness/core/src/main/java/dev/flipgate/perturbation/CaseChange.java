package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * INV: the whole text in lower case ({@code to: lower}, as typed on a phone) or upper case
 * ({@code to: upper}, shouting). Locale-independent, so a Turkish machine writes the same "I".
 *
 * <pre>change: { kind: case, to: lower }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(CaseChange.KIND)
public record CaseChange(String to) implements TextPerturbation {
  public static final String KIND = "case";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    TextPerturbation.super.validate(inputs, where);
    Inputs.requireOneOf(to, "to", List.of("lower", "upper"), where);
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    String changed = "upper".equals(to) ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    return changed.equals(text) ? Optional.empty() : Optional.of(changed);
  }

  @Override
  public String describe() {
    return "the text in " + to + " case";
  }
}
