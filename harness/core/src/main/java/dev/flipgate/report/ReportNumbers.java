package dev.flipgate.report;

import dev.flipgate.comparison.InfluenceInterval;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.report.result.ResultDocument;
import java.util.List;
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
            + (deltaMethod ? ", score metrics of the largest slices: paired delta-method interval" : "") + ")"
            + binnedNote(result);
  }

  /** A count, or "–" where a result written before it was recorded lacks it. */
  public static String count(Long value) {
    return value == null ? "–" : String.valueOf(value);
  }

  /** Where score metrics come from binned scores: how many bins, and the largest error bound of any. */
  private static String binnedNote(ResultDocument result) {
    ResultDocument.Slice widest = null;
    String widestMetric = null;
    double widestBound = -1;
    int bins = 0;
    for (ResultDocument.Slice slice : result.slices()) {
      var approximation = slice.scoreApproximation();
      if (approximation == null) {
        continue;
      }
      bins = approximation.bins();
      for (var bounds : List.of(approximation.errorBounds().deployed(), approximation.errorBounds().candidate())) {
        for (var bound : bounds.entrySet()) {
          if (bound.getValue() > widestBound) {
            widest = slice;
            widestMetric = bound.getKey();
            widestBound = bound.getValue();
          }
        }
      }
    }
    if (widest == null) {
      return "";
    }
    return String.format(Locale.ROOT, "; score metrics from %d equal-width score bins (too many examples to hold every"
        + " score), without intervals, each within its stated bound of the exact value: at most %.2g (%s on '%s';"
        + " every bound is in result.json)", bins, widestBound, widestMetric, widest.name());
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
