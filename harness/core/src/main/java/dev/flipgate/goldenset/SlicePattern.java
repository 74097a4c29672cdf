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

  /** The rows of every slice of {@code goldenSet} that one of {@code patterns} names. */
  public static java.util.BitSet members(GoldenSet goldenSet, java.util.List<String> patterns) {
    var members = new java.util.BitSet(goldenSet.table().size());
    goldenSet.slices().stream().filter(s -> patterns.stream().anyMatch(p -> matches(p, s.name())))
        .forEach(s -> members.or(goldenSet.table().members(s.predicate())));
    return members;
  }

  /** {@code count} of {@code rows} (all when there are no more), drawn without replacement, in golden-set order. */
  public static int[] sample(int[] rows, int count, java.util.SplittableRandom random) {
    if (count >= rows.length) {
      return rows;
    }
    int[] pool = rows.clone();
    for (int i = 0; i < count; i++) {
      int pick = i + random.nextInt(pool.length - i);
      int kept = pool[i];
      pool[i] = pool[pick];
      pool[pick] = kept;
    }
    int[] chosen = java.util.Arrays.copyOf(pool, count);
    java.util.Arrays.sort(chosen);
    return chosen;
  }
}
