package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The metrics that need a model's class scores, with scikit-learn's conventions: log loss clips
 * probabilities to [ε, 1 − ε] (ε = 2⁻⁵²) and renormalizes; the Brier score is of the positive
 * class for a binary task and summed over classes otherwise; the expected calibration error is
 * of the top answer's confidence over ten equal-width bins ({@code calibration_curve}'s binning);
 * average precision and ROC AUC are step-wise and trapezoidal over distinct score thresholds,
 * one-vs-rest and macro-averaged over the classes that have positives (and, for AUC, negatives)
 * in the slice. Each class's score order is sorted once, so a bootstrap costs O(n) per resample.
 */
final class ScoreMetrics {
  private static final double EPSILON = Math.ulp(1.0);
  private static final int CALIBRATION_BINS = 10;

  private final int classCount;
  private final int positive;
  private final int[] label;
  private final int[] answer;
  private final double[][] scores;
  private final int[][] descending;
  // Per class, in descending score order: whether each example is of the class, and where each
  // run of equal scores ends. Sweeps then read memory in order instead of jumping through rows.
  private final boolean[][] positiveInOrder;
  private final int[][] tieRunEnds;
  // Per-example terms that do not depend on the weights, computed once for every resample.
  private final double[] logLossTerm;
  private final double[] brierTerm;
  private final int[] calibrationBin;
  private final double[] confidence;

  /** @param scores per example, the probability of each class in the golden set's class order */
  ScoreMetrics(int classCount, int positive, int[] label, int[] answer, double[][] scores) {
    this.classCount = classCount;
    this.positive = positive;
    this.label = label;
    this.answer = answer;
    this.scores = scores;
    this.logLossTerm = new double[label.length];
    this.brierTerm = new double[label.length];
    this.calibrationBin = new int[label.length];
    this.confidence = new double[label.length];
    for (int i = 0; i < label.length; i++) {
      logLossTerm[i] = logLossOf(i);
      brierTerm[i] = brierOf(i);
      confidence[i] = scores[i][answer[i]];
      calibrationBin[i] = binOf(confidence[i]);
    }
    this.descending = new int[classCount][];
    this.positiveInOrder = new boolean[classCount][];
    this.tieRunEnds = new int[classCount][];
    for (int c = 0; c < classCount; c++) {
      final int column = c;
      int[] order = IntStream.range(0, label.length).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -scores[i][column]))
          .mapToInt(Integer::intValue).toArray();
      descending[c] = order;
      positiveInOrder[c] = new boolean[order.length];
      int[] ends = new int[order.length];
      int runs = 0;
      for (int j = 0; j < order.length; j++) {
        positiveInOrder[c][j] = label[order[j]] == c;
        if (j + 1 == order.length || scores[order[j + 1]][c] != scores[order[j]][c]) {
          ends[runs++] = j + 1;
        }
      }
      tieRunEnds[c] = Arrays.copyOf(ends, runs);
    }
  }

  Map<SliceMetric, Double> compute(double[] weight) {
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    double total = Arrays.stream(weight).sum();
    if (total == 0) {
      return values;
    }
    values.put(SliceMetric.LOG_LOSS, logLoss(weight) / total);
    values.put(SliceMetric.BRIER_SCORE, brier(weight) / total);
    values.put(SliceMetric.EXPECTED_CALIBRATION_ERROR, calibrationError(weight, total));
    double apSum = 0;
    double aucSum = 0;
    int apCount = 0;
    int aucCount = 0;
    double[] curve = new double[2];
    for (int c = 0; c < classCount; c++) {
      sweep(c, weight, curve);
      if (Double.isFinite(curve[0])) {
        apSum += curve[0];
        apCount++;
      }
      if (Double.isFinite(curve[1])) {
        aucSum += curve[1];
        aucCount++;
      }
      if (c == positive) {
        putIfFinite(values, SliceMetric.AVERAGE_PRECISION, curve[0]);
        putIfFinite(values, SliceMetric.ROC_AUC, curve[1]);
      }
    }
    if (apCount > 0) {
      values.put(SliceMetric.MEAN_AVERAGE_PRECISION, apSum / apCount);
    }
    if (aucCount > 0) {
      values.put(SliceMetric.MACRO_ROC_AUC, aucSum / aucCount);
    }
    return values;
  }

  private double logLoss(double[] weight) {
    double sum = 0;
    for (int i = 0; i < label.length; i++) {
      sum += weight[i] * logLossTerm[i];
    }
    return sum;
  }

  private double logLossOf(int i) {
    double rowSum = 0;
    for (int c = 0; c < classCount; c++) {
      rowSum += clip(scores[i][c]);
    }
    return -Math.log(clip(scores[i][label[i]]) / rowSum);
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
  }

  private double brier(double[] weight) {
    double sum = 0;
    for (int i = 0; i < label.length; i++) {
      sum += weight[i] * brierTerm[i];
    }
    return sum;
  }

  private double brierOf(int i) {
    if (positive >= 0 && classCount == 2) {
      double error = scores[i][positive] - (label[i] == positive ? 1 : 0);
      return error * error;
    }
    double sum = 0;
    for (int c = 0; c < classCount; c++) {
      double error = scores[i][c] - (label[i] == c ? 1 : 0);
      sum += error * error;
    }
    return sum;
  }

  /** The bin of a confidence; an edge value belongs to the lower bin, as numpy.searchsorted(edges, p) puts it. */
  private static int binOf(double p) {
    int bin = 0;
    while (bin < CALIBRATION_BINS - 1 && (bin + 1) * (1.0 / CALIBRATION_BINS) < p) {
      bin++;
    }
    return bin;
  }

  private double calibrationError(double[] weight, double total) {
    double[] count = new double[CALIBRATION_BINS];
    double[] correct = new double[CALIBRATION_BINS];
    double[] confidenceSum = new double[CALIBRATION_BINS];
    for (int i = 0; i < label.length; i++) {
      int bin = calibrationBin[i];
      count[bin] += weight[i];
      correct[bin] += answer[i] == label[i] ? weight[i] : 0;
      confidenceSum[bin] += weight[i] * confidence[i];
    }
    double error = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (count[b] > 0) {
        error += count[b] / total * Math.abs(correct[b] / count[b] - confidenceSum[b] / count[b]);
      }
    }
    return error;
  }

  private static void putIfFinite(Map<SliceMetric, Double> values, SliceMetric metric, double value) {
    if (Double.isFinite(value)) {
      values.put(metric, value);
    }
  }

  /**
   * One pass over class {@code c}'s examples in descending score order, run by run of equal
   * scores: the step-wise average precision into {@code into[0]} (NaN without positives) and the
   * trapezoidal ROC AUC into {@code into[1]} (NaN without positives or negatives).
   */
  private void sweep(int c, double[] weight, double[] into) {
    double positives = 0;
    double negatives = 0;
    int[] order = descending[c];
    boolean[] isPositive = positiveInOrder[c];
    for (int j = 0; j < order.length; j++) {
      if (isPositive[j]) {
        positives += weight[order[j]];
      } else {
        negatives += weight[order[j]];
      }
    }
    double truePositives = 0;
    double falsePositives = 0;
    double recalled = 0;
    double precisionSum = 0;
    double area = 0;
    int start = 0;
    for (int end : tieRunEnds[c]) {
      double previousTruePositives = truePositives;
      double previousFalsePositives = falsePositives;
      for (int j = start; j < end; j++) {
        double w = weight[order[j]];
        if (isPositive[j]) {
          truePositives += w;
        } else {
          falsePositives += w;
        }
      }
      start = end;
      area += (falsePositives - previousFalsePositives) * (truePositives + previousTruePositives) / 2;
      if (positives > 0 && truePositives + falsePositives > 0) {
        double recall = truePositives / positives;
        precisionSum += (recall - recalled) * truePositives / (truePositives + falsePositives);
        recalled = recall;
      }
    }
    into[0] = positives == 0 ? Double.NaN : precisionSum;
    into[1] = positives == 0 || negatives == 0 ? Double.NaN : area / (positives * negatives);
  }
}
