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

  /** " [−0.07, +0.33]" in percentage points. */
  static String pointsInterval(dev.flipgate.statistics.Interval interval) {
    return String.format(Locale.ROOT, " [%+.2f, %+.2f]", interval.low() * 100, interval.high() * 100);
  }

  /** " [0.30%, 0.57%]". */
  static String percentInterval(dev.flipgate.statistics.Interval interval) {
    return String.format(Locale.ROOT, " [%.2f%%, %.2f%%]", interval.low() * 100, interval.high() * 100);
  }

  static String pValue(OptionalDouble p) {
    return p.isPresent() ? String.format(Locale.ROOT, "%.3g", p.getAsDouble()) : "–";
  }

  /** A signed change in percentage points: "+0.13 pp". */
  static String points(OptionalDouble delta) {
    return delta.isPresent() ? String.format(Locale.ROOT, "%+.2f pp", delta.getAsDouble() * 100) : "–";
  }
}
