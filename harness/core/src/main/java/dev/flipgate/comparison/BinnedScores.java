package dev.flipgate.comparison;

import java.util.EnumMap;
import java.util.Map;

/**
 * One model's class scores over a slice, kept so that partitions merge ({@link #plus}): per class,
 * how many examples of the class (positives) and of other classes (negatives) scored in each of
 * {@code bins} equal-width bins of [0, 1]; the sums of each example's log-loss and Brier terms (the
 * local engine's own formulas, {@link ScoreMetrics#logLossTerm} and {@link ScoreMetrics#brierTerm});
 * and per calibration bin the count, the confidence sum and the right answers.
 *
 * <p>Log loss, Brier score and the expected calibration error from these are the exact metrics
 * (sums in another order: equal to about 1e-12). ROC AUC and average precision treat each bin as
 * one tied score; {@link #errorBounds} says by how much that can differ from the exact value: for
 * ROC AUC half the share of positive–negative pairs that share a bin, for average precision each
 * bin's positives times the spread of the precision a positive in that bin can have.
 */
public final class BinnedScores implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int bins;
  private final long[][] positives;
  private final long[][] negatives;
  private final long[] calibrationCount = new long[ScoreMetrics.CALIBRATION_BINS];
  private final long[] calibrationRight = new long[ScoreMetrics.CALIBRATION_BINS];
  private final double[] calibrationConfidence = new double[ScoreMetrics.CALIBRATION_BINS];
  private long examples;
  private double logLoss;
  private double brier;

  public BinnedScores(int classCount, int bins) {
    if (bins < 2 || classCount < 2) {
      throw new IllegalArgumentException("at least two classes and two bins, not " + classCount + " and " + bins);
    }
    this.bins = bins;
    this.positives = new long[classCount][bins];
    this.negatives = new long[classCount][bins];
  }

  /**
   * @param probabilities the example's probability of each class, in class order
   * @param positive the positive class of a binary task, or -1
   */
  public void add(double[] probabilities, int label, int answer, int positive) {
    for (int c = 0; c < positives.length; c++) {
      (c == label ? positives : negatives)[c][binOf(probabilities[c])]++;
    }
    examples++;
    logLoss += ScoreMetrics.logLossTerm(probabilities, label);
    brier += ScoreMetrics.brierTerm(probabilities, label, positive);
    double confidence = probabilities[answer];
    int calibration = ScoreMetrics.calibrationBinOf(confidence);
    calibrationCount[calibration]++;
    calibrationRight[calibration] += answer == label ? 1 : 0;
    calibrationConfidence[calibration] += confidence;
  }

  /** Adds {@code other}'s counts and sums to these; returns this. */
  public BinnedScores plus(BinnedScores other) {
    if (other.bins != bins || other.positives.length != positives.length) {
      throw new IllegalArgumentException("binned scores of " + other.positives.length + " classes in " + other.bins
          + " bins added to " + positives.length + " classes in " + bins);
    }
    for (int c = 0; c < positives.length; c++) {
      for (int b = 0; b < bins; b++) {
        positives[c][b] += other.positives[c][b];
        negatives[c][b] += other.negatives[c][b];
      }
    }
    for (int b = 0; b < calibrationCount.length; b++) {
      calibrationCount[b] += other.calibrationCount[b];
      calibrationRight[b] += other.calibrationRight[b];
      calibrationConfidence[b] += other.calibrationConfidence[b];
    }
    examples += other.examples;
    logLoss += other.logLoss;
    brier += other.brier;
    return this;
  }

  public long examples() {
    return examples;
  }

  /** The score metrics of the slice, as {@link ScoreMetrics} names them; empty for a slice without examples. */
  public Map<SliceMetric, Double> values(int positive) {
    return metrics(positive, false);
  }

  /**
   * The most each binned metric can differ from the exact one on the same scores: 0 for log loss,
   * Brier score and calibration error, the bounds above for the curves (averaged as the metric
   * averages its classes).
   */
  public Map<SliceMetric, Double> errorBounds(int positive) {
    return metrics(positive, true);
  }

  private Map<SliceMetric, Double> metrics(int positive, boolean bounds) {
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    if (examples == 0) {
      return values;
    }
    values.put(SliceMetric.LOG_LOSS, bounds ? 0 : logLoss / examples);
    values.put(SliceMetric.BRIER_SCORE, bounds ? 0 : brier / examples);
    values.put(SliceMetric.EXPECTED_CALIBRATION_ERROR, bounds ? 0 : calibrationError());
    ScoreMetrics.putCurves(values, positives.length, positive, (c, into) -> {
      double[] curve = curve(c, bounds);
      into[0] = curve[0];
      into[1] = curve[1];
    });
    return values;
  }

  /**
   * Class c's average precision and ROC AUC from its bins in descending score order, each bin one
   * tied run as the local engine sweeps tied scores ({@link ScoreMetrics#tiedCurve}); or their error bounds.
   */
  private double[] curve(int c, boolean bounds) {
    double[] runPositives = new double[bins];
    double[] runNegatives = new double[bins];
    double allPositives = 0;
    for (int b = 0; b < bins; b++) {
      runPositives[b] = positives[c][bins - 1 - b];
      runNegatives[b] = negatives[c][bins - 1 - b];
      allPositives += runPositives[b];
    }
    double allNegatives = examples - allPositives;
    return bounds ? errorBounds(runPositives, runNegatives, allPositives, allNegatives)
        : ScoreMetrics.tiedCurve(runPositives, runNegatives, allNegatives);
  }

  /** How far the exact average precision and ROC AUC can lie from the binned ones, bins highest first. */
  private static double[] errorBounds(double[] runPositives, double[] runNegatives, double allPositives,
      double allNegatives) {
    if (allPositives == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double truePositives = 0;
    double falsePositives = 0;
    double precisionSpread = 0;
    double sharedPairs = 0;
    for (int b = 0; b < runPositives.length; b++) {
      double p = runPositives[b];
      double n = runNegatives[b];
      if (p > 0) {
        // A positive in this bin is ranked after every example of the bins above, and before or
        // after the bin's others: its precision lies between these two.
        double highest = (truePositives + p) / (truePositives + p + falsePositives);
        double lowest = (truePositives + 1) / (truePositives + 1 + falsePositives + n);
        precisionSpread += p * (highest - lowest);
      }
      sharedPairs += p * n;
      truePositives += p;
      falsePositives += n;
    }
    return new double[] {precisionSpread / allPositives,
        allNegatives == 0 ? Double.NaN : sharedPairs / (2 * allPositives * allNegatives)};
  }

  private double calibrationError() {
    double error = 0;
    for (int b = 0; b < calibrationCount.length; b++) {
      if (calibrationCount[b] > 0) {
        double count = calibrationCount[b];
        error += count / examples * Math.abs(calibrationRight[b] / count - calibrationConfidence[b] / count);
      }
    }
    return error;
  }

  /** The bin of a probability: {@code floor(p · bins)}, 1 in the top bin. */
  private int binOf(double p) {
    return Math.min(bins - 1, Math.max(0, (int) (p * bins)));
  }

}
