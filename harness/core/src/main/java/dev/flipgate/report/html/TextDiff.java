package dev.flipgate.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a perturbed text differ from its source: both split into words, numbers,
 * white space and single other characters, the longest common subsequence of those tokens kept,
 * and every token of the perturbed text outside it marked changed. Texts are sentences, so the
 * quadratic table is small; a text past {@value #MAX_TOKENS} tokens is marked whole.
 */
final class TextDiff {
  static final int MAX_TOKENS = 2_000;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}'’]+|\\p{N}+|\\s+|.", Pattern.DOTALL);

  private TextDiff() {}

  /** The perturbed text as spans, each changed or not, in order; joined they are the text itself. */
  static List<ExampleView.Span> spans(String source, String perturbed) {
    List<String> before = tokens(source);
    List<String> after = tokens(perturbed);
    if (before.size() > MAX_TOKENS || after.size() > MAX_TOKENS) {
      return List.of(new ExampleView.Span(perturbed, true));
    }
    int[][] common = new int[before.size() + 1][after.size() + 1];
    for (int i = before.size() - 1; i >= 0; i--) {
      for (int j = after.size() - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<ExampleView.Span> spans = new ArrayList<>();
    int i = 0;
    for (int j = 0; j < after.size(); j++) {
      boolean kept = false;
      while (i < before.size() && !kept) {
        if (before.get(i).equals(after.get(j)) && common[i][j] == common[i + 1][j + 1] + 1) {
          kept = true;
        } else if (common[i + 1][j] >= common[i][j + 1]) {
          i++;
        } else {
          break;
        }
      }
      if (kept) {
        i++;
      }
      add(spans, after.get(j), !kept);
    }
    return spans;
  }

  private static void add(List<ExampleView.Span> spans, String token, boolean changed) {
    ExampleView.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
    // White space between two changed words belongs to the change: one highlight, not two.
    if (last != null && last.changed() == changed) {
      spans.set(spans.size() - 1, new ExampleView.Span(last.text() + token, changed));
    } else {
      spans.add(new ExampleView.Span(token, changed));
    }
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
