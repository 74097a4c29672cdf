package dev.flipgate.perturbation;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INV: the sentence's closing punctuation removed, or a full stop added where it has none, as
 * CheckList's {@code punctuation}: "Great phone!" → "Great phone", "Great phone" → "Great phone.".
 *
 * <pre>change: { kind: punctuation }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Punctuation.KIND)
public record Punctuation() implements TextPerturbation {
  public static final String KIND = "punctuation";
  private static final Pattern CLOSING = Pattern.compile("[.!?]+(?=\\s*$)");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    Matcher closing = CLOSING.matcher(text);
    if (closing.find()) {
      String without = text.substring(0, closing.start()) + text.substring(closing.end());
      return without.isBlank() ? Optional.empty() : Optional.of(without);
    }
    String body = text.stripTrailing();
    return Optional.of(body + "." + text.substring(body.length()));
  }

  @Override
  public String describe() {
    return "the closing punctuation removed, or a full stop added";
  }
}
