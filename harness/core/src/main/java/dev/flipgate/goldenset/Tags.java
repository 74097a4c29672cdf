package dev.flipgate.goldenset;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The tags cell of a data file: tags separated by {@code ;}, blanks around them ignored. */
final class Tags {
  private Tags() {}

  static Set<String> parse(String text) {
    if (text.isBlank()) {
      return Set.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    Arrays.stream(text.split(";")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
    return Set.copyOf(tags);
  }
}
