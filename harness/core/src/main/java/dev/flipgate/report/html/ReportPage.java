package dev.flipgate.report.html;

import java.util.List;

/**
 * Everything report.html shows, already formatted: the template only places values, and
 * Thymeleaf escapes every one of them for the context it lands in.
 */
record ReportPage(
    String verdict,
    String candidate, String candidateSha256, long candidateSize,
    String deployed, String deployedSha256, long deployedSize,
    String goldenSet, String goldenSetVersion, String goldenSetSha256, int examples, int adversarialExamples,
    String runId, String startedAt, String harnessVersion, long seed,
    String headline,
    List<Headline> headlines,
    String intervalNote,
    String secondaryMetric,
    List<Reason> reasons,
    List<Reason> waived,
    List<String> staleWaivers,
    List<SliceRow> slices,
    boolean hasHuman,
    List<PerturbationRow> perturbations,
    List<LatencyRow> latency, String latencyNote,
    List<Card> cards,
    List<String> sliceNames,
    int cardsLeftOut,
    List<Bar> accuracyBars, int accuracyChartHeight,
    List<MatrixCell> flipMatrix, List<MatrixLabel> matrixLabels, int matrixWidth, int matrixHeight,
    int matrixLeft, int matrixTop,
    List<String> underpowered,
    TrendView trend,
    AttackViews attacks,
    String style, String script, String contentSecurityPolicy) {

  /**
   * A reason to block (or a waived one), the anchor of its evidence further down, what waivers said
   * of it, and the examples it names: thumbnails of the first few, every id (collapsed).
   */
  record Reason(String rule, String message, String anchor, List<String> waiverNotes, List<Thumb> thumbs,
      List<String> exampleIds) {}

  /** An example a reason names, linked to its card in the gallery. */
  record Thumb(String id, String anchor, ExampleView view, String answers, String title) {}

  /** A headline number beside the verdict; {@code bad} when it speaks against the candidate. */
  record Headline(String id, String label, String value, String note, boolean bad) {}

  /**
   * A slice row; {@code ciX}/{@code ciWidth}/{@code deltaX} place the delta and its interval on
   * a bar of {@value HtmlReport#CI_BAR_WIDTH} px centred on zero (the template draws it at that width).
   */
  record SliceRow(
      String anchor, String name, long n, String deployed, String candidate, String secondary, String delta, String interval,
      double deltaValue, String pValue, double pValueSort, long negativeFlips, String nfr, boolean regressed, boolean significant,
      boolean underpowered, double ciX, double ciWidth, double deltaX, boolean worse, String human) {}

  /** One model's single-example latency, formatted. */
  record LatencyRow(String model, String p50, String p95, String p99, String max, String mean, String throughput) {}

  record PerturbationRow(String anchor, String name, long n, String deployed, String candidate, String change, int failures,
      String deployedFailures, String candidateFailures) {}

  /** A gallery card: a negative flip, a failed critical example or a failed adversarial example. */
  record Card(
      String anchor, String kind, String kindLabel, String id, String label, String deployed, String deployedConfidence,
      String candidate, String candidateConfidence, String slices, List<String> sliceNames, ExampleView view,
      ExampleView sourceView, String sourceId, String perturbation, ExampleView differenceView, String expectation) {}

  /** One model's accuracy on one slice, as an SVG bar. */
  record Bar(String slice, String model, double y, double width, String value, double labelY) {}

  /** A class name on the flip matrix: a row's (right-aligned) or a column's (turned, so long names never overlap). */
  record MatrixLabel(double x, double y, String text, boolean column) {}

  /** One cell of the flip matrix heat map. */
  record MatrixCell(int x, int y, long count, double opacity, boolean diagonal) {}
}
