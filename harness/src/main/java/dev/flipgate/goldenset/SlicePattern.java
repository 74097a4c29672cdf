package dev.flipgate.goldenset;

import java.util.regex.Pattern;

/** A slice name, or a pattern where {@code *} stands for any text: {@code "*"} is every slice, {@code "digit-*"} every digit. */
public final class SlicePattern {
  public static final String EVERY = "*";

  private SlicePattern() {}

  public static boolean matches(String pattern, String name) {
    if (!pattern.contains(EVERY)) {
      return pattern.equals(name);
    }
    return name.matches(Pattern.quote(pattern).replace(EVERY, "\\E.*\\Q"));
  }
}
