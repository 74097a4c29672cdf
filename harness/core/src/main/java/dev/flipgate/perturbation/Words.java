package dev.flipgate.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a text (maximal runs of letters, Unicode-aware) with where each starts and ends. */
final class Words {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  record Word(int start, int end, String text) {}

  private Words() {}

  static List<Word> of(String text) {
    List<Word> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(new Word(matcher.start(), matcher.end(), matcher.group()));
    }
    return words;
  }

  /** {@code replacement} with the first letter's case of {@code original} ("Is not" → "Isn't"). */
  static String sameInitialCase(String original, String replacement) {
    if (original.isEmpty() || replacement.isEmpty()) {
      return replacement;
    }
    char first = original.charAt(0);
    String head = Character.isUpperCase(first) ? replacement.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
        : replacement.substring(0, 1);
    return head + replacement.substring(1);
  }
}
