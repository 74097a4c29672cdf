package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * DIR: a clearly positive or negative clause appended ("… Never again." / "… I love it."), as
 * CheckList's {@code add_phrase}: a negative clause must not raise the positive score, a positive
 * one must not lower it (the suite's {@code direction} says which score and which way).
 *
 * <pre>change: { kind: append-clause, polarity: negative }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(AppendClause.KIND)
public record AppendClause(String polarity) implements TextPerturbation {
  public static final String KIND = "append-clause";

  static final List<String> POSITIVE = List.of("I love it.", "Highly recommended.", "It was wonderful.",
      "I would definitely buy it again.", "Absolutely fantastic.", "Overall, a great experience.", "I am very happy with it.",
      "Five stars.");
  static final List<String> NEGATIVE = List.of("I hate it.", "Never again.", "It was terrible.", "What a waste of money.",
      "Absolutely awful.", "Overall, a horrible experience.", "I am very disappointed.", "Avoid it.");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    TextPerturbation.super.validate(inputs, where);
    Inputs.requireOneOf(polarity, "polarity", List.of("positive", "negative"), where);
  }

  List<String> clauses() {
    return "positive".equals(polarity) ? POSITIVE : NEGATIVE;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    String body = text.stripTrailing();
    String clause = clauses().get(random.nextInt(clauses().size()));
    boolean closed = body.endsWith(".") || body.endsWith("!") || body.endsWith("?");
    return Optional.of(body + (closed ? " " : ". ") + clause);
  }

  @Override
  public String describe() {
    return "a clearly " + polarity + " clause appended";
  }
}
