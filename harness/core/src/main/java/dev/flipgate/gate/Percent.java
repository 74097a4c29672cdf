package dev.flipgate.gate;

import java.util.Locale;

/** Formats rates for reasons: 0.0042 → "0.42%". */
final class Percent {
  private Percent() {}

  static String of(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", rate * 100);
  }

  /** A difference of two rates in percentage points: 0.0073 → "0.73 pp". */
  static String points(double difference) {
    return String.format(Locale.ROOT, "%.2f pp", difference * 100);
  }

  static String ids(java.util.List<String> ids) {
    int shown = Math.min(ids.size(), 50);
    return String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? " and " + (ids.size() - shown) + " more" : "");
  }
}
