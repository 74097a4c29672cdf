package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.BitSet;
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
final class ScoreMetrics implements ExampleMetrics {
  private static final double EPSILON = Math.ulp(1.0);
  static final int CALIBRATION_BINS = 10;

  private final int classCount;
  private final int positive;
  private final int[] label;
  private final int[] answer;
  private final int[][] descending;
  // Per class, in descending score order: whether each example is of the class, and where each
  // run of equal scores ends. Sweeps then read memory in order instead of jumping through rows.
  private final boolean[][] positiveInOrder;
  private final int[][] tieRunEnds;
  private Map<SliceMetric, Double> values;
  private final double[][][] runCounts;
  // Per-example terms that do not depend on the weights, computed once for every resample.
  private final double[] logLossTerm;
  private final double[] brierTerm;
  private final int[] calibrationBin;
  private final double[] confidence;

  /** @param scores per example, the probability of each class in the golden set's class order */
  ScoreMetrics(int classCount, int positive, int[] label, int[] answer, double[][] scores) {
    this(positive, label, answer, ScoreColumns.of(scores, classCount, label), label);
  }

  private ScoreMetrics(int positive, int[] label, int[] answer, ScoreColumns columns, int[] everyLabel) {
    this(positive, label, answer, columns, IntStream.range(0, label.length).toArray(),
        rowTerms(columns, everyLabel, answer, positive));
  }

  /**
   * @param rows the golden-set row of each of the slice's examples, ascending; {@code label} and
   *     {@code answer} are by position in the slice, as the weights of {@link #compute} are
   * @param rowTerms {@link #rowTerms} of the golden set, for this model
   */
  ScoreMetrics(int positive, int[] label, int[] answer, ScoreColumns columns, int[] rows, double[][] rowTerms) {
    this.classCount = columns.classCount();
    this.positive = positive;
    this.label = label;
    this.answer = answer;
    this.logLossTerm = new double[label.length];
    this.brierTerm = new double[label.length];
    this.calibrationBin = new int[label.length];
    this.confidence = new double[label.length];
    for (int i = 0; i < label.length; i++) {
      int row = rows[i];
      logLossTerm[i] = rowTerms[0][row];
      brierTerm[i] = rowTerms[1][row];
      confidence[i] = rowTerms[2][row];
      calibrationBin[i] = binOf(confidence[i]);
    }
    this.descending = new int[classCount][];
    this.positiveInOrder = new boolean[classCount][];
    this.tieRunEnds = new int[classCount][];
    this.runCounts = new double[classCount][][];
    // A slice of the whole golden set is in row order: each row is its own position. Otherwise a
    // row's position is how many members come before it: a count kept a word of the member bit
    // set plus the bits below it in its word — small enough to stay in cache, as a table of
    // positions by row would not.
    boolean everyRow = rows.length == columns.rowCount();
    long[] memberWords = everyRow ? new long[0] : bitsOf(rows).toLongArray();
    int[] membersBeforeWord = new int[memberWords.length];
    for (int w = 1; w < memberWords.length; w++) {
      membersBeforeWord[w] = membersBeforeWord[w - 1] + Long.bitCount(memberWords[w - 1]);
    }
    for (int c = 0; c < classCount; c++) {
      int[] order = new int[label.length];
      boolean[] ofClass = new boolean[label.length];
      int[] ends = new int[label.length];
      int runs = filter(columns.descending(c), columns.runStarts(c), columns.labelledAlongOrder(c),
          everyRow ? null : memberWords, membersBeforeWord, order, ofClass, ends);
      descending[c] = order;
      positiveInOrder[c] = ofClass;
      tieRunEnds[c] = Arrays.copyOf(ends, runs);
    }
  }

  /**
   * The slice's order of one class: the golden set's, filtered to the members. A run of equal
   * scores ends where a run of the golden set began since the previous member. A method of its
   * own, small, so the JIT compiles its loop well (inside the constructor it ran ten times slower).
   *
   * @param memberWords the member bit set as words, or null when every row is a member
   * @return how many runs were written to {@code ends}
   */
  private static int filter(int[] global, BitSet runStarts, BitSet labelled, long[] memberWords,
      int[] membersBeforeWord, int[] order, boolean[] ofClass, int[] ends) {
    int next = 0;
    int runs = 0;
    boolean runBegan = false;
    for (int j = 0; j < global.length; j++) {
      runBegan |= runStarts.get(j);
      int row = global[j];
      int position = row;
      if (memberWords != null) {
        int word = row >>> 6;
        long bits = word < memberWords.length ? memberWords[word] : 0;
        if ((bits & (1L << row)) == 0) {
          continue;
        }
        position = membersBeforeWord[word] + Long.bitCount(bits & ((1L << row) - 1));
      }
      if (next > 0 && runBegan) {
        ends[runs++] = next;
      }
      runBegan = false;
      order[next] = position;
      ofClass[next] = labelled.get(j);
      next++;
    }
    if (next > 0) {
      ends[runs++] = next;
    }
    return runs;
  }


  private static BitSet bitsOf(int[] rows) {
    BitSet bits = new BitSet();
    for (int row : rows) {
      bits.set(row);
    }
    return bits;
  }

  /**
   * The metrics of the slice as it is (every weight 1), computed once; the curves from each run's
   * counts, which give {@link #sweep}'s sums at unit weights exactly (they are whole numbers).
   */
  Map<SliceMetric, Double> values() {
    if (values == null) {
      double[] ones = new double[label.length];
      Arrays.fill(ones, 1.0);
      values = compute(ones, (c, into) -> {
        double[] curve = unitCurve(c);
        into[0] = curve[0];
        into[1] = curve[1];
      });
    }
    return values;
  }

  @Override
  public Map<SliceMetric, Double> compute(double[] weight) {
    return compute(weight, (c, into) -> sweep(c, weight, into));
  }

  /** Writes class c's average precision and ROC AUC into a two-element array. */
  interface Curve {
    void of(int c, double[] into);
  }

  private Map<SliceMetric, Double> compute(double[] weight, Curve curveOf) {
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    double total = Arrays.stream(weight).sum();
    if (total == 0) {
      return values;
    }
    values.put(SliceMetric.LOG_LOSS, logLoss(weight) / total);
    values.put(SliceMetric.BRIER_SCORE, brier(weight) / total);
    values.put(SliceMetric.EXPECTED_CALIBRATION_ERROR, calibrationError(weight, total));
    putCurves(values, classCount, positive, curveOf);
    return values;
  }

  /**
   * Puts the curve metrics from each class's average precision and ROC AUC: the positive class's
   * own, and their means over the classes where each is defined (NaN where it is not). The binned
   * scores of an engine that cannot hold every example ({@link BinnedScores}) average them alike.
   */
  static void putCurves(Map<SliceMetric, Double> values, int classCount, int positive, Curve curveOf) {
    double apSum = 0;
    double aucSum = 0;
    int apCount = 0;
    int aucCount = 0;
    double[] curve = new double[2];
    for (int c = 0; c < classCount; c++) {
      curveOf.of(c, curve);
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
  }

  /**
   * Each example's empirical influence on each metric: {@code n} times the derivative of the
   * metric with respect to the example's weight, at the slice as it is. A metric moves, to first
   * order, by {@code Σ (wᵢ − 1) ψᵢ / n} when the weights move from 1 to {@code w}; so over Poisson(1)
   * resampling weights its variance is {@code Σ ψᵢ² / n²} — the bootstrap's variance, without
   * resampling (for ROC AUC this is DeLong's variance). Metrics undefined on the slice are absent.
   */
  @Override
  public Map<SliceMetric, double[]> influences() {
    int n = label.length;
    Map<SliceMetric, double[]> influences = new EnumMap<>(SliceMetric.class);
    if (n == 0) {
      return influences;
    }
    Map<SliceMetric, Double> values = values();
    influences.put(SliceMetric.LOG_LOSS, centred(logLossTerm, values.get(SliceMetric.LOG_LOSS)));
    influences.put(SliceMetric.BRIER_SCORE, centred(brierTerm, values.get(SliceMetric.BRIER_SCORE)));
    influences.put(SliceMetric.EXPECTED_CALIBRATION_ERROR, calibrationInfluence(values.get(SliceMetric.EXPECTED_CALIBRATION_ERROR)));
    double[] apSum = new double[n];
    double[] aucSum = new double[n];
    int apCount = 0;
    int aucCount = 0;
    for (int c = 0; c < classCount; c++) {
      // Classes add straight into the macro sums; the positive class keeps its own as well.
      boolean own = c == positive;
      double[] precision = own ? new double[n] : apSum;
      double[] area = own ? new double[n] : aucSum;
      boolean[] defined = addCurveInfluence(c, precision, area);
      if (defined[0]) {
        apCount++;
      }
      if (defined[1]) {
        aucCount++;
      }
      if (own && defined[0]) {
        add(apSum, precision);
        influences.put(SliceMetric.AVERAGE_PRECISION, precision);
      }
      if (own && defined[1]) {
        add(aucSum, area);
        influences.put(SliceMetric.ROC_AUC, area);
      }
    }
    if (apCount > 0) {
      influences.put(SliceMetric.MEAN_AVERAGE_PRECISION, scaled(apSum, 1.0 / apCount));
    }
    if (aucCount > 0) {
      influences.put(SliceMetric.MACRO_ROC_AUC, scaled(aucSum, 1.0 / aucCount));
    }
    return influences;
  }

  /** A mean's influence: each term less the mean. */
  private static double[] centred(double[] terms, double mean) {
    double[] influence = new double[terms.length];
    for (int i = 0; i < terms.length; i++) {
      influence[i] = terms[i] - mean;
    }
    return influence;
  }

  /** ECE = Σ_bins |correct − confidence| / n, so an example moves its bin's gap by its own, in the gap's direction. */
  private double[] calibrationInfluence(double error) {
    double[] gap = new double[CALIBRATION_BINS];
    for (int i = 0; i < label.length; i++) {
      gap[calibrationBin[i]] += (answer[i] == label[i] ? 1 : 0) - confidence[i];
    }
    double[] influence = new double[label.length];
    for (int i = 0; i < label.length; i++) {
      double own = (answer[i] == label[i] ? 1 : 0) - confidence[i];
      influence[i] = Math.signum(gap[calibrationBin[i]]) * own - error;
    }
    return influence;
  }

  /**
   * Adds class {@code c}'s average precision and ROC AUC influences into {@code precision} and
   * {@code area}, run by run of equal scores, and says which are defined: average precision with
   * positives, ROC AUC with positives and negatives (an undefined one adds nothing). With
   * TP_k, FP_k the positives and negatives scored at or above run k, A_k = TP_k + FP_k, P and N
   * the totals: AP = Σ_k ΔTP_k·TP_k/A_k / P, so a positive in run m adds TP_m/A_m + Σ_{k≥m}
   * ΔTP_k·FP_k/A_k² and a negative −Σ_{k≥m} ΔTP_k·TP_k/A_k²; AUC is the Mann–Whitney statistic
   * (ties count a half), so an example adds its share of the other kind it outranks.
   */
  private boolean[] addCurveInfluence(int c, double[] precision, double[] area) {
    int n = label.length;
    int[] order = descending[c];
    boolean[] isPositive = positiveInOrder[c];
    int[] ends = tieRunEnds[c];
    double[] runPositives = runCounts(c)[0];
    double[] runNegatives = runCounts(c)[1];
    double positives = Arrays.stream(runPositives).sum();
    double negatives = n - positives;
    if (positives == 0) {
      return new boolean[2];
    }
    double[] curve = unitCurve(c);
    // Suffix sums over runs, from the last (lowest score) back.
    double[] positiveGain = new double[ends.length + 1];
    double[] negativeLoss = new double[ends.length + 1];
    double truePositives = positives;
    double falsePositives = negatives;
    for (int k = ends.length - 1; k >= 0; k--) {
      double atOrAbove = truePositives + falsePositives;
      double share = runPositives[k] == 0 ? 0 : runPositives[k] / (atOrAbove * atOrAbove);
      positiveGain[k] = positiveGain[k + 1] + share * falsePositives;
      negativeLoss[k] = negativeLoss[k + 1] + share * truePositives;
      truePositives -= runPositives[k];
      falsePositives -= runNegatives[k];
    }
    boolean withArea = negatives > 0;
    double positivesAbove = 0;
    double negativesAbove = 0;
    int start = 0;
    for (int k = 0; k < ends.length; k++) {
      double truePositivesHere = positivesAbove + runPositives[k];
      double atOrAbove = truePositivesHere + negativesAbove + runNegatives[k];
      for (int j = start; j < ends[k]; j++) {
        int i = order[j];
        if (isPositive[j]) {
          precision[i] += n * (truePositivesHere / atOrAbove + positiveGain[k] - curve[0]) / positives;
          if (withArea) {
            double outranked = negatives - negativesAbove - runNegatives[k] + runNegatives[k] / 2;
            area[i] += n * (outranked / negatives - curve[1]) / positives;
          }
        } else {
          precision[i] -= n * negativeLoss[k] / positives;
          if (withArea) {
            double outrankedBy = positivesAbove + runPositives[k] / 2;
            area[i] += n * (outrankedBy / positives - curve[1]) / negatives;
          }
        }
      }
      positivesAbove += runPositives[k];
      negativesAbove += runNegatives[k];
      start = ends[k];
    }
    return new boolean[] {true, withArea};
  }

  /** Class c's positives and negatives in each run of equal scores, counted once. */
  private double[][] runCounts(int c) {
    if (runCounts[c] == null) {
      boolean[] isPositive = positiveInOrder[c];
      int[] ends = tieRunEnds[c];
      double[] runPositives = new double[ends.length];
      double[] runNegatives = new double[ends.length];
      int start = 0;
      for (int k = 0; k < ends.length; k++) {
        for (int j = start; j < ends[k]; j++) {
          if (isPositive[j]) {
            runPositives[k]++;
          } else {
            runNegatives[k]++;
          }
        }
        start = ends[k];
      }
      runCounts[c] = new double[][] {runPositives, runNegatives};
    }
    return runCounts[c];
  }

  /** {@link #sweep} at unit weights from the runs' counts: the same sums in the same order. */
  private double[] unitCurve(int c) {
    double[] runPositives = runCounts(c)[0];
    return tiedCurve(runPositives, runCounts(c)[1], label.length - Arrays.stream(runPositives).sum());
  }

  /**
   * A class's average precision (step-wise) and ROC AUC (trapezoidal) from the counts of its
   * positives and negatives in each run of tied scores, highest scores first; NaN where undefined.
   * Binned scores ({@link BinnedScores}) are runs of this kind too: one a bin.
   */
  static double[] tiedCurve(double[] runPositives, double[] runNegatives, double negatives) {
    double positives = Arrays.stream(runPositives).sum();
    if (positives == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double truePositives = 0;
    double falsePositives = 0;
    double recalled = 0;
    double precisionSum = 0;
    double area = 0;
    for (int k = 0; k < runPositives.length; k++) {
      double previousTruePositives = truePositives;
      double previousFalsePositives = falsePositives;
      truePositives += runPositives[k];
      falsePositives += runNegatives[k];
      area += (falsePositives - previousFalsePositives) * (truePositives + previousTruePositives) / 2;
      if (truePositives + falsePositives > 0) {
        double recall = truePositives / positives;
        precisionSum += (recall - recalled) * truePositives / (truePositives + falsePositives);
        recalled = recall;
      }
    }
    return new double[] {precisionSum, negatives == 0 ? Double.NaN : area / (positives * negatives)};
  }

  private static void add(double[] sum, double[] terms) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += terms[i];
    }
  }

  private static double[] scaled(double[] values, double factor) {
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
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

  /**
   * Every golden-set row's log-loss and Brier terms and the confidence of its answer, which depend
   * on the row alone: made once for all slices. {@code label} and {@code answer} are by row.
   */
  static double[][] rowTerms(ScoreColumns columns, int[] label, int[] answer, int positive) {
    double[][] terms = new double[3][label.length];
    for (int row = 0; row < label.length; row++) {
      terms[0][row] = logLossOf(columns, row, label[row]);
      terms[1][row] = brierOf(columns, row, label[row], positive);
      terms[2][row] = columns.score(answer[row], row);
    }
    return terms;
  }

  private static double logLossOf(ScoreColumns columns, int row, int label) {
    double rowSum = 0;
    for (int c = 0; c < columns.classCount(); c++) {
      rowSum += clip(columns.score(c, row));
    }
    return -Math.log(clip(columns.score(label, row)) / rowSum);
  }

  /** One example's log-loss term from its probabilities in class order: {@link #logLossOf}'s formula. */
  static double logLossTerm(double[] probabilities, int label) {
    double rowSum = 0;
    for (double p : probabilities) {
      rowSum += clip(p);
    }
    return -Math.log(clip(probabilities[label]) / rowSum);
  }

  /** One example's Brier term from its probabilities in class order: {@link #brierOf}'s formula. */
  static double brierTerm(double[] probabilities, int label, int positive) {
    if (positive >= 0 && probabilities.length == 2) {
      double error = probabilities[positive] - (label == positive ? 1 : 0);
      return error * error;
    }
    double sum = 0;
    for (int c = 0; c < probabilities.length; c++) {
      double error = probabilities[c] - (label == c ? 1 : 0);
      sum += error * error;
    }
    return sum;
  }

  static int calibrationBinOf(double confidence) {
    return binOf(confidence);
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

  private static double brierOf(ScoreColumns columns, int row, int label, int positive) {
    if (positive >= 0 && columns.classCount() == 2) {
      double error = columns.score(positive, row) - (label == positive ? 1 : 0);
      return error * error;
    }
    double sum = 0;
    for (int c = 0; c < columns.classCount(); c++) {
      double error = columns.score(c, row) - (label == c ? 1 : 0);
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
