package dev.flipgate.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * INV: a typo, two adjacent letters of one word swapped ("great" → "graet"), as a hurried
 * reviewer types. One swap per text, drawn among every pair of adjacent, different letters.
 *
 * <pre>change: { kind: typo }</pre>
 */
@com.fasterxml.jackson.annotation.JsonTypeName(Typo.KIND)
public record Typo() implements TextPerturbation {
  public static final String KIND = "typo";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<String> apply(String text, SplittableRandom random) {
    List<Integer> swappable = new ArrayList<>();
    for (Words.Word word : Words.of(text)) {
      for (int i = word.start(); i + 1 < word.end(); i++) {
        // Letters in the Basic Multilingual Plane only: swapping half of a surrogate pair would break the character.
        if (text.charAt(i) != text.charAt(i + 1) && !Character.isSurrogate(text.charAt(i))
            && !Character.isSurrogate(text.charAt(i + 1))) {
          swappable.add(i);
        }
      }
    }
    if (swappable.isEmpty()) {
      return Optional.empty();
    }
    int at = swappable.get(random.nextInt(swappable.size()));
    char[] chars = text.toCharArray();
    chars[at] = text.charAt(at + 1);
    chars[at + 1] = text.charAt(at);
    return Optional.of(new String(chars));
  }

  @Override
  public String describe() {
    return "a typo: two adjacent letters of one word swapped";
  }
}
