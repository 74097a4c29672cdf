package dev.flipgate.statistics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Adjusts the p-values of the many slices one rule covers, so that checking twenty slices does
 * not find a "significant" drop by chance. Adjusted p-values are compared with α directly, as
 * statsmodels' {@code multipletests} reports them.
 */
public enum MultipleTestingCorrection {
  /** Holm's step-down method: controls the family-wise error rate. */
  HOLM("holm-bonferroni"),
  /** Benjamini–Hochberg: controls the false discovery rate; more power, more false alarms. */
  BENJAMINI_HOCHBERG("benjamini-hochberg"),
  /** No correction: each slice is tested alone. */
  NONE("none");

  private final String id;

  MultipleTestingCorrection(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<MultipleTestingCorrection> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  public double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
    double[] adjusted = new double[m];
    switch (this) {
      case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
      case HOLM -> {
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
          running = Math.max(running, Math.min(1, (m - rank) * pValues[order[rank]]));
          adjusted[order[rank]] = running;
        }
      }
      case BENJAMINI_HOCHBERG -> {
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--) {
          running = Math.min(running, Math.min(1, pValues[order[rank]] * m / (rank + 1)));
          adjusted[order[rank]] = running;
        }
      }
    }
    return adjusted;
  }
}
