package dev.flipgate.report.html;

import dev.flipgate.goldenset.Example;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's trend section: each slice's headline metric across the suite's promoted versions
 * and this candidate, as numbers and as a sparkline (inline SVG), and the examples that keep
 * flipping, as cards with each version's flip marked.
 */
record TrendView(
    String metric, String note, List<String> versions, List<Row> rows, List<String> negativeFlipRates, List<Churn> churn,
    String churnNote) {

  static final int SPARK_WIDTH = 160;
  static final int SPARK_HEIGHT = 28;

  /** A slice: each version's value; {@code worse} marks this candidate when it is below the last promoted version. */
  record Row(String slice, List<String> values, boolean worse, String points, List<Dot> dots) {}

  record Dot(double x, double y, boolean candidate) {}

  /** A churned example, with one mark per version (none for the first model). */
  record Churn(String id, String label, int flips, ExampleView view, List<Mark> marks) {}

  record Mark(String version, String kind, String symbol) {}

  static Optional<TrendView> of(ResultDocument result, Optional<GoldenSet> goldenSet) {
    ResultDocument.Trend trend = result.trend();
    if (trend == null) {
      return Optional.empty();
    }
    boolean lowerIsBetter = trend.metric().equals("meanAbsoluteError");
    List<String> versions = trend.versions().stream().map(v -> v.model() + switch (v.role()) {
      case "deployed" -> " (deployed then)";
      case "candidate" -> " (this candidate)";
      default -> "";
    }).toList();
    List<Row> rows = trend.slices().stream().map(s -> row(trend.metric(), s, lowerIsBetter)).toList();
    Optional<ExampleViews> views = goldenSet.map(g -> new ExampleViews(g.inputLayout(), g.inputColumns(), g.displayColumn()));
    Map<String, Example> examples = goldenSet.map(GoldenSet::examplesById).orElse(Map.of());
    List<Churn> churn = trend.churn().stream().map(c -> new Churn(c.id(), c.label(), c.flips(),
        views.flatMap(v -> Optional.ofNullable(examples.get(c.id())).map(e -> v.of(e.input(), e)))
            .orElse(new ExampleView.Missing()), marks(c, trend.versions()))).toList();
    String note = String.format(Locale.ROOT, "The suite's last %d promotion%s on golden set %s %s, and this candidate.%s",
        trend.versions().size() - 2, trend.versions().size() == 3 ? "" : "s", result.provenance().goldenSet().name(),
        trend.goldenSetVersion(), trend.promotionsOnOtherVersions() == 0 ? ""
            : " " + trend.promotionsOnOtherVersions() + " promotion(s) on other golden-set versions are left out:"
                + " they judged other examples, so their numbers do not compare.");
    String churnNote = trend.churn().isEmpty() ? "No example flipped in two or more of these versions."
        : trend.churn().size() + " example(s) flipped in two or more of these versions"
            + (trend.churnLeftOut() > 0 ? ", and " + trend.churnLeftOut() + " more listed in result.json" : "")
            + ". Marks: − a negative flip, + a positive flip, · no flip.";
    List<String> nfr = trend.versions().stream()
        .map(v -> v.role().equals("deployed") ? "" : ReportNumbers.percent(v.negativeFlipRate())).toList();
    return Optional.of(new TrendView(trend.metric(), note, versions, rows, nfr, churn, churnNote));
  }

  private static Row row(String metric, ResultDocument.TrendSlice slice, boolean lowerIsBetter) {
    List<Double> values = slice.values();
    List<String> shown = values.stream().map(v -> ReportNumbers.value(metric, v)).toList();
    Double candidate = values.get(values.size() - 1);
    Double previous = values.size() >= 2 ? values.get(values.size() - 2) : null;
    boolean worse = candidate != null && previous != null && (lowerIsBetter ? candidate > previous : candidate < previous);
    double min = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
    double span = max - min < 1e-12 ? 1 : max - min;
    List<Dot> dots = new ArrayList<>();
    var points = new StringBuilder();
    double step = values.size() <= 1 ? 0 : (SPARK_WIDTH - 8.0) / (values.size() - 1);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        continue;
      }
      double x = 4 + i * step;
      // Better is up: for an error metric the axis is turned over.
      double fraction = (values.get(i) - min) / span;
      double y = 4 + (SPARK_HEIGHT - 8) * (lowerIsBetter ? fraction : 1 - fraction);
      dots.add(new Dot(round(x), round(y), i == values.size() - 1));
      points.append(points.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
    }
    return new Row(slice.slice(), shown, worse, points.toString(), dots);
  }

  private static List<Mark> marks(ResultDocument.Churned churned, List<ResultDocument.TrendVersion> versions) {
    List<Mark> marks = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      String kind = churned.kinds().get(i);
      marks.add(new Mark(versions.get(i).model(), kind == null ? "none" : kind,
          kind == null ? "·" : kind.equals("negative") ? "−" : "+"));
    }
    return marks;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
