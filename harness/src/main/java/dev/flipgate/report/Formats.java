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

  /** The metric a summary leads with: accuracy, or the mean absolute error of a regression. */
  static dev.flipgate.comparison.SliceMetric headline(dev.flipgate.goldenset.Task task) {
    return task.isRegression() ? dev.flipgate.comparison.SliceMetric.MEAN_ABSOLUTE_ERROR
        : dev.flipgate.comparison.SliceMetric.ACCURACY;
  }

  static String value(dev.flipgate.comparison.SliceMetric metric, OptionalDouble value) {
    if (metric.isRate()) {
      return percent(value);
    }
    return value.isPresent() ? String.format(Locale.ROOT, "%.4g", value.getAsDouble()) : "–";
  }

  static String change(dev.flipgate.comparison.SliceMetric metric, OptionalDouble delta) {
    if (metric.isRate()) {
      return points(delta);
    }
    return delta.isPresent() ? String.format(Locale.ROOT, "%+.4g", delta.getAsDouble()) : "–";
  }

  static String changeInterval(dev.flipgate.comparison.SliceMetric metric, dev.flipgate.statistics.Interval interval) {
    return metric.isRate() ? pointsInterval(interval)
        : String.format(Locale.ROOT, " [%+.4g, %+.4g]", interval.low(), interval.high());
  }

  /** A signed change in percentage points: "+0.13 pp". */
  static String points(OptionalDouble delta) {
    return delta.isPresent() ? String.format(Locale.ROOT, "%+.2f pp", delta.getAsDouble() * 100) : "–";
  }
}
