package dev.flipgate.report.html;

import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the inline SVG charts: the headline metric of both models per slice, and the flip
 * matrix of the {@code all} slice as a heat map (logarithmic shading, so rare flips still show).
 */
record Charts(List<ReportPage.Bar> bars, int barChartHeight, List<ReportPage.MatrixCell> cells,
    List<ReportPage.MatrixLabel> matrixLabels, int matrixWidth, int matrixHeight, int matrixLeft, int matrixTop) {
  static final int BAR_WIDTH = 320;
  static final int ROW = 14;
  static final int CELL = 30;
  /** About the width of one character of the 11 px labels. */
  static final double CHARACTER = 6.5;
  static final int MAX_LABEL_CHARACTERS = 24;
  static final int MAX_MATRIX_CLASSES = 30;

  static Charts of(ResultDocument result, String headline) {
    List<ReportPage.Bar> bars = new ArrayList<>();
    double max = 1e-12;
    for (ResultDocument.Slice s : result.slices()) {
      max = Math.max(max, Math.max(value(s.deployed().get(headline)), value(s.candidate().get(headline))));
    }
    double y = 0;
    for (ResultDocument.Slice s : result.slices()) {
      // People's accuracy on the slice's annotated examples, as a third bar, where the golden set has it.
      boolean human = s.human() != null && s.human().human() != null && headline.equals("accuracy");
      for (String model : human ? List.of("deployed", "candidate", "human") : List.of("deployed", "candidate")) {
        Double v = model.equals("deployed") ? s.deployed().get(headline)
            : model.equals("candidate") ? s.candidate().get(headline) : s.human().human();
        bars.add(new ReportPage.Bar(s.name(), model, y, value(v) / max * BAR_WIDTH, ReportNumbers.value(headline, v), y + ROW - 3));
        y += ROW;
      }
      y += 6;
    }
    List<ReportPage.MatrixCell> cells = new ArrayList<>();
    List<String> classes = result.classes();
    long[][] matrix = result.slices().isEmpty() ? null : result.slices().get(0).flipMatrix();
    if (matrix == null || classes.size() > MAX_MATRIX_CLASSES) {
      return new Charts(bars, (int) y, cells, List.of(), 0, 0, 0, 0);
    }
    long largest = 1;
    for (long[] row : matrix) {
      for (long count : row) {
        largest = Math.max(largest, count);
      }
    }
    for (int d = 0; d < matrix.length; d++) {
      for (int c = 0; c < matrix.length; c++) {
        long count = matrix[d][c];
        double opacity = count == 0 ? 0 : 0.15 + 0.85 * Math.log1p(count) / Math.log1p(largest);
        cells.add(new ReportPage.MatrixCell(c * CELL, d * CELL, count, opacity, c == d));
      }
    }
    // Row names right-aligned in a margin as wide as the longest; column names upright (turned 90°), so
    // benign/malignant or class_0/1/2 never run into each other or over the cells.
    List<String> names = classes.stream().map(Charts::shortened).toList();
    int longest = names.stream().mapToInt(String::length).max().orElse(1);
    int left = (int) Math.ceil(longest * CHARACTER) + 10;
    int top = (int) Math.ceil(longest * CHARACTER) + 10;
    List<ReportPage.MatrixLabel> labels = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      labels.add(new ReportPage.MatrixLabel(-6, i * CELL + CELL / 2.0 + 4, names.get(i), false));
      labels.add(new ReportPage.MatrixLabel(i * CELL + CELL / 2.0 + 4, -6, names.get(i), true));
    }
    int size = classes.size() * CELL;
    return new Charts(bars, (int) y, cells, labels, left + size + 10, top + size + 10, left, top);
  }

  private static String shortened(String name) {
    return name.length() <= MAX_LABEL_CHARACTERS ? name : name.substring(0, MAX_LABEL_CHARACTERS - 1) + "…";
  }

  private static double value(Double v) {
    return v == null || !Double.isFinite(v) ? 0 : Math.max(0, v);
  }
}
