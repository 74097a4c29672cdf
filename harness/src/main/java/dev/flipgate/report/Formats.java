package dev.flipgate.report;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number formats shared by the human-readable reports. */
final class Formats {
  private Formats() {}

  static String percent(OptionalDouble value) {
    return value.isPresent() ? percent(value.getAsDouble()) : "–";
  }

  static String percent(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value * 100) : "–";
  }

  /** A signed change in percentage points: "+0.13 pp". */
  static String points(OptionalDouble delta) {
    return delta.isPresent() ? String.format(Locale.ROOT, "%+.2f pp", delta.getAsDouble() * 100) : "–";
  }
}
