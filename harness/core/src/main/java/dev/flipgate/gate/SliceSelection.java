package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;

/**
 * The slices a rule covers, by name or by pattern: {@code "*"} stands for any text, so
 * {@code ["*"]} is every slice ({@code all} included) and {@code ["digit-*"]} every digit slice.
 * Each entry must match at least one slice, so a typo cannot silently cover nothing.
 */
final class SliceSelection {
  static final String EVERY = dev.flipgate.goldenset.SlicePattern.EVERY;

  private SliceSelection() {}

  static void validate(List<String> patterns, GoldenSet goldenSet, RuleLocation location) {
    if (patterns == null || patterns.isEmpty()) {
      throw location.problem().expected("slices: a list of slice names or patterns, [\"*\"] for every slice")
          .found("no slices").whatToDo("name the slices the rule covers").configurationError("rule covers no slice");
    }
    for (String pattern : patterns) {
      if (goldenSet.sliceNames().stream().noneMatch(name -> matches(pattern, name))) {
        throw location.problem().expected("a slice of golden set '" + goldenSet.name() + "': " + goldenSet.sliceNames())
            .found("'" + pattern + "', which matches none")
            .whatToDo("fix the slice name, or declare the slice in the golden set's manifest")
            .configurationError("rule names an unknown slice");
      }
    }
  }

  static List<SliceComparison> select(List<String> patterns, Comparison comparison) {
    return comparison.slices().stream()
        .filter(slice -> patterns.stream().anyMatch(pattern -> matches(pattern, slice.name()))).toList();
  }

  static List<RuleCheck.Subject> subjects(List<String> patterns, GoldenSet goldenSet) {
    return goldenSet.sliceNames().stream().filter(name -> patterns.stream().anyMatch(p -> matches(p, name)))
        .map(RuleCheck.Subject::slice).toList();
  }

  static boolean matches(String pattern, String name) {
    return dev.flipgate.goldenset.SlicePattern.matches(pattern, name);
  }
}
