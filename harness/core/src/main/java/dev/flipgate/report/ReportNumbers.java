package dev.flipgate.report;

import dev.flipgate.comparison.InfluenceInterval;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.report.result.ResultDocument;
import java.util.Locale;

/** Formats result.json numbers for people: rates as percentages, changes in percentage points. */
public final class ReportNumbers {
  private ReportNumbers() {}

  /** Whether a metric id (or "robustness") reads as a percentage. */
  static boolean isRate(String metric) {
    return SliceMetric.byId(metric).map(SliceMetric::isRate).orElse(true);
  }

  /**
   * What the slice tables' intervals are, at the level the suite asked for (evidence.level), so a
   * report never says 95% of intervals computed at 90%.
   */
  public static String intervalNote(ResultDocument result) {
    String level = String.format(Locale.ROOT, "%s%%", trim(result.evidence().level() * 100));
    boolean deltaMethod = result.slices().stream().flatMap(slice -> slice.deltas().values().stream())
        .anyMatch(delta -> delta.ci() != null && InfluenceInterval.METHOD.equals(delta.ci().method()));
    return result.task().equals("regression")
        ? "Δ = candidate − deployed, with its " + level + " paired bootstrap interval"
        : "Δ = candidate − deployed, with its " + level + " interval (accuracy: Tango's score interval for paired"
            + " proportions; other metrics: paired bootstrap"
            + (deltaMethod ? ", score metrics of the largest slices: paired delta-method interval" : "") + ")";
  }

  private static String trim(double percent) {
    return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.ROOT, "%.1f", percent);
  }

  public static String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.2f%%", value * 100);
  }

  public static String value(String metric, Double value) {
    if (value == null) {
      return "–";
    }
    return isRate(metric) ? percent(value) : String.format(Locale.ROOT, "%.4g", value);
  }

  public static String change(String metric, Double delta) {
    if (delta == null) {
      return "–";
    }
    return isRate(metric) ? String.format(Locale.ROOT, "%+.2f pp", delta * 100) : String.format(Locale.ROOT, "%+.4g", delta);
  }

  public static String changeInterval(String metric, ResultDocument.Ci ci) {
    return isRate(metric) ? String.format(Locale.ROOT, " [%+.2f, %+.2f]", ci.low() * 100, ci.high() * 100)
        : String.format(Locale.ROOT, " [%+.4g, %+.4g]", ci.low(), ci.high());
  }
}
