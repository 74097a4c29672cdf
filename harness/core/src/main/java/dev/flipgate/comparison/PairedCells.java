package dev.flipgate.comparison;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The sufficient statistics of a slice: how many examples share each (label, deployed answer,
 * candidate answer) triple. Every answer-based metric of both models — accuracy, flip rates,
 * precision, recall and F1 of every kind — is a function of these counts, so a bootstrap can
 * resample cells instead of examples. Cells are in a fixed (sorted) order.
 */
public final class PairedCells {
  private final AnswerMetrics metrics;
  private final int classCount;
  private final int[] label;
  private final int[] deployed;
  private final int[] candidate;
  private final long[] counts;

  private PairedCells(AnswerMetrics metrics, int classCount, int[] label, int[] deployed, int[] candidate, long[] counts) {
    this.metrics = metrics;
    this.classCount = classCount;
    this.label = label;
    this.deployed = deployed;
    this.candidate = candidate;
    this.counts = counts;
  }

  /** @param rows per example of the slice: label, deployed answer, candidate answer as class indices */
  static PairedCells of(AnswerMetrics metrics, int classCount, List<int[]> rows) {
    Map<Integer, Long> cells = new TreeMap<>();
    for (int[] row : rows) {
      cells.merge((row[0] * classCount + row[1]) * classCount + row[2], 1L, Long::sum);
    }
    return ofKeys(metrics, classCount, cells.keySet().stream().mapToInt(Integer::intValue).toArray(),
        cells.values().stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * @param dense the count of every (label, deployed, candidate) triple at index
   *     {@code (label * classCount + deployed) * classCount + candidate}; zero cells are dropped
   */
  static PairedCells ofDense(AnswerMetrics metrics, int classCount, long[] dense) {
    int[] keys = IntStream.range(0, dense.length).filter(key -> dense[key] > 0).toArray();
    return ofKeys(metrics, classCount, keys, IntStream.of(keys).mapToLong(key -> dense[key]).toArray());
  }

  /** @param keys cell keys as {@link #ofDense} numbers them, ascending; {@code counts} theirs */
  private static PairedCells ofKeys(AnswerMetrics metrics, int classCount, int[] keys, long[] counts) {
    int[] label = new int[keys.length];
    int[] deployed = new int[keys.length];
    int[] candidate = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      label[i] = keys[i] / (classCount * classCount);
      deployed[i] = keys[i] / classCount % classCount;
      candidate[i] = keys[i] % classCount;
    }
    return new PairedCells(metrics, classCount, label, deployed, candidate, counts);
  }

  public long[] counts() {
    return counts.clone();
  }

  /** Every cell's count, zeros included, laid out as {@link #ofDense} takes them: what partial counts are summed in. */
  public long[] dense() {
    long[] dense = new long[classCount * classCount * classCount];
    for (int i = 0; i < counts.length; i++) {
      dense[(label[i] * classCount + deployed[i]) * classCount + candidate[i]] = counts[i];
    }
    return dense;
  }

  ClassificationMetrics deployedMetrics(double[] weights) {
    return metrics.compute(label, deployed, weights, false);
  }

  ClassificationMetrics candidateMetrics(double[] weights) {
    return metrics.compute(label, candidate, weights, false);
  }

  /** The change of each of {@code answerMetrics} when the cells weigh {@code weights}: what the bootstrap resamples. */
  double[] deltas(double[] weights, SliceMetric[] answerMetrics) {
    return metrics.deltas(label, deployed, candidate, weights, answerMetrics);
  }

  /**
   * Both models' metrics on the slice itself, with per-class and confusion tables: each cell
   * weighs its count. The sums are of whole numbers, exact in a double, so the values equal those
   * computed example by example.
   */
  ClassificationMetrics[] sliceMetrics() {
    double[] weights = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      weights[i] = counts[i];
    }
    return new ClassificationMetrics[] {
        metrics.compute(label, deployed, weights, true), metrics.compute(label, candidate, weights, true)};
  }

  /** The flip matrix: how many examples each (deployed answer, candidate answer) pair has. */
  public long[][] flipMatrix() {
    long[][] matrix = new long[classCount][classCount];
    for (int i = 0; i < counts.length; i++) {
      matrix[deployed[i]][candidate[i]] += counts[i];
    }
    return matrix;
  }
}
