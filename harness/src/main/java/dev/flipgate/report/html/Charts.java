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
    List<String> matrixClasses, int matrixSize) {
  static final int BAR_WIDTH = 320;
  static final int ROW = 14;
  static final int CELL = 22;
  static final int MAX_MATRIX_CLASSES = 30;

  static Charts of(ResultDocument result, String headline) {
    List<ReportPage.Bar> bars = new ArrayList<>();
    double max = 1e-12;
    for (ResultDocument.Slice s : result.slices()) {
      max = Math.max(max, Math.max(value(s.deployed().get(headline)), value(s.candidate().get(headline))));
    }
    double y = 0;
    for (ResultDocument.Slice s : result.slices()) {
      for (String model : List.of("deployed", "candidate")) {
        Double v = model.equals("deployed") ? s.deployed().get(headline) : s.candidate().get(headline);
        bars.add(new ReportPage.Bar(s.name(), model, y, value(v) / max * BAR_WIDTH, ReportNumbers.value(headline, v), y + ROW - 3));
        y += ROW;
      }
      y += 6;
    }
    List<ReportPage.MatrixCell> cells = new ArrayList<>();
    List<String> classes = result.classes();
    long[][] matrix = result.slices().isEmpty() ? null : result.slices().get(0).flipMatrix();
    if (matrix == null || classes.size() > MAX_MATRIX_CLASSES) {
      return new Charts(bars, (int) y, cells, List.of(), 0);
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
    return new Charts(bars, (int) y, cells, classes, classes.size() * CELL);
  }

  private static double value(Double v) {
    return v == null || !Double.isFinite(v) ? 0 : Math.max(0, v);
  }
}
