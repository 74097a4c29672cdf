package dev.flipgate.report.html;

import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The slice table's rows, regressed slices first, each with its delta and interval placed on a bar. */
final class SliceRows {
  private SliceRows() {}

  /**
   * A second metric each row shows for both models: R² for a regression, the positive class's
   * recall for a binary task that names one, otherwise balanced accuracy (which, unlike macro
   * averages, stays readable on a slice of a single class).
   */
  static String secondaryMetric(ResultDocument result) {
    if (result.task().equals("regression")) {
      return "r2";
    }
    return result.positiveClass() != null ? "recall" : "balancedAccuracy";
  }

  static List<ReportPage.SliceRow> of(ResultDocument result, String headline) {
    String secondary = secondaryMetric(result);
    boolean lowerIsBetter = SliceMetric.byId(headline).map(m -> m.direction() == SliceMetric.Direction.LOWER_IS_BETTER)
        .orElse(false);
    double extent = 1e-9;
    for (ResultDocument.Slice s : result.slices()) {
      ResultDocument.Delta d = s.deltas().get(headline);
      if (d != null && d.ci() != null) {
        extent = Math.max(extent, Math.max(Math.abs(d.ci().low()), Math.abs(d.ci().high())));
      }
    }
    double scale = (HtmlReport.CI_BAR_WIDTH / 2.0 - 4) / extent;
    double center = HtmlReport.CI_BAR_WIDTH / 2.0;
    List<ReportPage.SliceRow> rows = new ArrayList<>();
    for (ResultDocument.Slice s : result.slices()) {
      ResultDocument.Delta d = s.deltas().get(headline);
      double delta = d == null || d.value() == null ? 0 : d.value();
      double low = d == null || d.ci() == null ? delta : d.ci().low();
      double high = d == null || d.ci() == null ? delta : d.ci().high();
      boolean worse = lowerIsBetter ? delta > 0 : delta < 0;
      boolean significant = d != null && (d.pValue() != null ? d.pValue() < 1 - result.evidence().level()
          : d.ci() != null && (lowerIsBetter ? d.ci().low() > 0 : d.ci().high() < 0));
      rows.add(new ReportPage.SliceRow("", s.name(), s.n(), ReportNumbers.value(headline, s.deployed().get(headline)),
          ReportNumbers.value(headline, s.candidate().get(headline)),
          ReportNumbers.value(secondary, s.deployed().get(secondary)) + " → " + ReportNumbers.value(secondary, s.candidate().get(secondary)),
          d == null ? "–" : ReportNumbers.change(headline, d.value()),
          d == null || d.ci() == null ? "" : ReportNumbers.changeInterval(headline, d.ci()).strip(), delta,
          d == null || d.pValue() == null ? "–" : String.format(Locale.ROOT, "%.3g", d.pValue()),
          d == null || d.pValue() == null ? 2 : d.pValue(), s.negativeFlips(),
          ReportNumbers.percent(s.nfr()), regressed(result, s.name()), significant && worse, underpowered(s),
          center + low * scale, Math.max(1, (high - low) * scale), center + delta * scale, worse, human(s.human())));
    }
    rows.sort(java.util.Comparator.comparing((ReportPage.SliceRow r) -> !r.regressed()));
    List<ReportPage.SliceRow> anchored = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ReportPage.SliceRow r = rows.get(i);
      anchored.add(new ReportPage.SliceRow("slice-" + i, r.name(), r.n(), r.deployed(), r.candidate(), r.secondary(), r.delta(),
          r.interval(), r.deltaValue(), r.pValue(), r.pValueSort(), r.negativeFlips(), r.nfr(), r.regressed(), r.significant(),
          r.underpowered(), r.ciX(), r.ciWidth(), r.deltaX(), r.worse(), r.human()));
    }
    return anchored;
  }

  /** Human accuracy on the slice's annotated examples, and how far the candidate is below it; empty without human answers. */
  private static String human(ResultDocument.Human human) {
    if (human == null) {
      return "";
    }
    return human.human() == null ? "none annotated"
        : ReportNumbers.percent(human.human()) + " of " + human.annotated() + "; candidate "
            + ReportNumbers.change("accuracy", human.candidateGap() == null ? null : -human.candidateGap());
  }

  private static boolean regressed(ResultDocument result, String slice) {
    return result.checks().stream()
        .anyMatch(c -> c.subjectKind().equals("slice") && c.subject().equals(slice) && !c.passed());
  }

  private static boolean underpowered(ResultDocument.Slice s) {
    return s.deltas().values().stream().anyMatch(d -> Boolean.TRUE.equals(d.underpowered()))
        || Boolean.TRUE.equals(s.negativeFlipRate().underpowered());
  }
}
