package dev.flipgate.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a CheckList template stands for: each {@code {a|b|c}} is one of its choices, and the
 * texts are every combination, in the order of the choices (the first choice varying slowest),
 * as CheckList's {@code Editor.template} with {@code product=True}.
 */
final class TemplateExpansion {
  static final Pattern CHOICE = Pattern.compile("\\{([^{}]*)}");
  /** More texts than a template may stand for: a typo in the braces should not fill the heap. */
  static final int MAX_TEXTS = 100_000;

  private TemplateExpansion() {}

  /** @throws IllegalArgumentException for unbalanced braces, an empty choice, or too many texts (message says which) */
  static List<String> expand(String template) {
    List<String> literals = new ArrayList<>();
    List<List<String>> choices = new ArrayList<>();
    Matcher matcher = CHOICE.matcher(template);
    int at = 0;
    long total = 1;
    while (matcher.find()) {
      literals.add(template.substring(at, matcher.start()));
      List<String> options = List.of(matcher.group(1).split("\\|", -1));
      if (options.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("an empty choice in {" + matcher.group(1) + "}");
      }
      choices.add(options);
      total *= options.size();
      if (total > MAX_TEXTS) {
        throw new IllegalArgumentException("more than " + MAX_TEXTS + " texts");
      }
      at = matcher.end();
    }
    String tail = template.substring(at);
    for (String literal : literals) {
      requireNoBrace(literal);
    }
    requireNoBrace(tail);
    List<String> texts = new ArrayList<>(List.of(""));
    for (int c = 0; c < choices.size(); c++) {
      List<String> next = new ArrayList<>();
      for (String prefix : texts) {
        for (String option : choices.get(c)) {
          next.add(prefix + literals.get(c) + option);
        }
      }
      texts = next;
    }
    return texts.stream().map(text -> text + tail).toList();
  }

  private static void requireNoBrace(String literal) {
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
      throw new IllegalArgumentException("an unbalanced brace in '" + literal + "'");
    }
  }
}
