package dev.flipgate.comparison;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    int size = cells.size();
    int[] label = new int[size];
    int[] deployed = new int[size];
    int[] candidate = new int[size];
    long[] counts = new long[size];
    int i = 0;
    for (var cell : cells.entrySet()) {
      int key = cell.getKey();
      label[i] = key / (classCount * classCount);
      deployed[i] = key / classCount % classCount;
      candidate[i] = key % classCount;
      counts[i++] = cell.getValue();
    }
    return new PairedCells(metrics, classCount, label, deployed, candidate, counts);
  }

  /**
   * @param dense the count of every (label, deployed, candidate) triple at index
   *     {@code (label * classCount + deployed) * classCount + candidate}; zero cells are dropped
   */
  static PairedCells ofDense(AnswerMetrics metrics, int classCount, long[] dense) {
    int size = 0;
    for (long count : dense) {
      size += count > 0 ? 1 : 0;
    }
    int[] label = new int[size];
    int[] deployed = new int[size];
    int[] candidate = new int[size];
    long[] counts = new long[size];
    int i = 0;
    for (int key = 0; key < dense.length; key++) {
      if (dense[key] > 0) {
        label[i] = key / (classCount * classCount);
        deployed[i] = key / classCount % classCount;
        candidate[i] = key % classCount;
        counts[i++] = dense[key];
      }
    }
    return new PairedCells(metrics, classCount, label, deployed, candidate, counts);
  }

  public long[] counts() {
    return counts.clone();
  }

  ClassificationMetrics deployedMetrics(double[] weights) {
    return metrics.compute(label, deployed, weights, false);
  }

  ClassificationMetrics candidateMetrics(double[] weights) {
    return metrics.compute(label, candidate, weights, false);
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
