package dev.flipgate.perturbation;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MFT: "not" inserted after the first "is", "was", "are", "were", "am" or modal verb of a text
 * that holds no negation yet ("The food was good." → "The food was not good."): the sentence now
 * says the opposite, so its true label is the other of the two classes. Meant for short, simple
 * sentences (declare {@code slices} accordingly): in a long one the verb may not carry the sentiment.
 *
 * <pre>change: { kind: negation }   # with expect: mft</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Negation.KIND)
public record Negation() implements TextPerturbation {
  public static final String KIND = "negation";
  private static final Pattern VERB = Pattern.compile(
      "(?<![\\p{L}'’])(is|was|are|were|am|will|would|can|could|should)(?![\\p{L}'’])", Pattern.CASE_INSENSITIVE);
  static final Pattern NEGATED = Pattern.compile(
      "(?<![\\p{L}])(not|no|never|nothing|nobody|none|nor|neither|cannot|without)(?![\\p{L}])|n['’]t(?![\\p{L}])",
      Pattern.CASE_INSENSITIVE);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    if (NEGATED.matcher(text).find()) {
      return Optional.empty();
    }
    Matcher verb = VERB.matcher(text);
    if (!verb.find()) {
      return Optional.empty();
    }
    return Optional.of(text.substring(0, verb.end()) + " not" + text.substring(verb.end()));
  }

  @Override
  public boolean reversesLabel() {
    return true;
  }

  @Override
  public String describe() {
    return "\"not\" inserted after the first be or modal verb: the opposite meaning";
  }
}
