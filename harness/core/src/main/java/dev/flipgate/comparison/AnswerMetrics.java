package dev.flipgate.comparison;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics computed from answers alone, with scikit-learn's conventions: per-class and macro
 * averages over the classes that occur as a label or an answer (an undefined precision or recall
 * counts as 0, {@code zero_division=0}); weighted averages by support; micro averages over all
 * examples; balanced accuracy is the mean recall of the classes that occur as a label. Works on
 * weighted examples so a bootstrap can reuse it.
 */
final class AnswerMetrics {
  private static final SliceMetric[] METRICS = SliceMetric.values();

  private final List<String> classes;
  private final int positive;

  /** @param positive the index of the positive class of a binary task, or -1 */
  AnswerMetrics(List<String> classes, int positive) {
    this.classes = List.copyOf(classes);
    this.positive = positive;
  }

  ClassificationMetrics compute(int[] label, int[] answer, double[] weight, boolean withTables) {
    int k = classes.size();
    double[] truePositives = new double[k];
    double[] answered = new double[k];
    double[] support = new double[k];
    long[][] confusion = new long[withTables ? k : 0][withTables ? k : 0];
    double total = 0;
    for (int i = 0; i < label.length; i++) {
      double w = weight[i];
      total += w;
      support[label[i]] += w;
      answered[answer[i]] += w;
      truePositives[label[i]] += label[i] == answer[i] ? w : 0;
      if (withTables) {
        confusion[label[i]][answer[i]] += (long) w;
      }
    }
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    List<ClassificationMetrics.ClassMetrics> perClass = new ArrayList<>();
    if (total == 0) {
      return new ClassificationMetrics(values, perClass, confusion);
    }
    double[] byMetric = new double[METRICS.length];
    fill(byMetric, truePositives, answered, support, total, withTables ? perClass : null);
    for (SliceMetric metric : METRICS) {
      if (defined(metric)) {
        values.put(metric, byMetric[metric.ordinal()]);
      }
    }
    return new ClassificationMetrics(values, perClass, confusion);
  }

  /**
   * The change of every metric in {@code metrics} from the deployed model's answers to the
   * candidate's on weighted cells (NaN where a model has no value): the bootstrap's statistic. The
   * same sums in the same order as {@link #compute} twice, so the numbers are equal to the bit,
   * without the maps and tables made for each resample.
   */
  double[] deltas(int[] label, int[] deployed, int[] candidate, double[] weight, SliceMetric[] metrics) {
    int k = classes.size();
    double[] support = new double[k];
    double[] answeredBefore = new double[k];
    double[] answeredAfter = new double[k];
    double[] truePositivesBefore = new double[k];
    double[] truePositivesAfter = new double[k];
    double total = 0;
    for (int i = 0; i < label.length; i++) {
      double w = weight[i];
      total += w;
      support[label[i]] += w;
      answeredBefore[deployed[i]] += w;
      answeredAfter[candidate[i]] += w;
      truePositivesBefore[label[i]] += label[i] == deployed[i] ? w : 0;
      truePositivesAfter[label[i]] += label[i] == candidate[i] ? w : 0;
    }
    double[] deltas = new double[metrics.length];
    if (total == 0) {
      java.util.Arrays.fill(deltas, Double.NaN);
      return deltas;
    }
    double[] before = new double[METRICS.length];
    double[] after = new double[METRICS.length];
    fill(before, truePositivesBefore, answeredBefore, support, total, null);
    fill(after, truePositivesAfter, answeredAfter, support, total, null);
    for (int m = 0; m < metrics.length; m++) {
      int at = metrics[m].ordinal();
      deltas[m] = defined(metrics[m]) ? after[at] - before[at] : Double.NaN;
    }
    return deltas;
  }

  /** Whether {@code metric} has a value from answers here (the positive class's only in a binary task that names it). */
  private boolean defined(SliceMetric metric) {
    return metric.source() == SliceMetric.Source.ANSWERS && (!metric.ofPositiveClass() || positive >= 0);
  }

  /**
   * Every answer metric from the per-class sums of a slice with {@code total > 0}, by the metric's
   * ordinal; adds each present class's row to {@code perClass} unless it is null.
   */
  private void fill(double[] byMetric, double[] truePositives, double[] answered, double[] support, double total,
      List<ClassificationMetrics.ClassMetrics> perClass) {
    int k = classes.size();
    double correct = 0;
    double[] sums = new double[6]; // macro p, r, f1; weighted p, r, f1
    double recallOfLabelled = 0;
    int present = 0;
    int labelled = 0;
    for (int c = 0; c < k; c++) {
      correct += truePositives[c];
      if (support[c] == 0 && answered[c] == 0) {
        continue;
      }
      double precision = answered[c] == 0 ? 0 : truePositives[c] / answered[c];
      double recall = support[c] == 0 ? 0 : truePositives[c] / support[c];
      double f1 = 2 * truePositives[c] / (answered[c] + support[c]);
      present++;
      sums[0] += precision;
      sums[1] += recall;
      sums[2] += f1;
      sums[3] += precision * support[c];
      sums[4] += recall * support[c];
      sums[5] += f1 * support[c];
      if (support[c] > 0) {
        labelled++;
        recallOfLabelled += recall;
      }
      if (perClass != null) {
        perClass.add(new ClassificationMetrics.ClassMetrics(classes.get(c), precision, recall, f1, (long) support[c]));
      }
    }
    double accuracy = correct / total;
    byMetric[SliceMetric.ACCURACY.ordinal()] = accuracy;
    byMetric[SliceMetric.BALANCED_ACCURACY.ordinal()] = recallOfLabelled / labelled;
    byMetric[SliceMetric.MACRO_PRECISION.ordinal()] = sums[0] / present;
    byMetric[SliceMetric.MACRO_RECALL.ordinal()] = sums[1] / present;
    byMetric[SliceMetric.MACRO_F1.ordinal()] = sums[2] / present;
    // Single-label micro averages count every example once: all three equal the accuracy.
    byMetric[SliceMetric.MICRO_PRECISION.ordinal()] = accuracy;
    byMetric[SliceMetric.MICRO_RECALL.ordinal()] = accuracy;
    byMetric[SliceMetric.MICRO_F1.ordinal()] = accuracy;
    byMetric[SliceMetric.WEIGHTED_PRECISION.ordinal()] = sums[3] / total;
    byMetric[SliceMetric.WEIGHTED_RECALL.ordinal()] = sums[4] / total;
    byMetric[SliceMetric.WEIGHTED_F1.ordinal()] = sums[5] / total;
    if (positive >= 0) {
      double truePositive = truePositives[positive];
      byMetric[SliceMetric.PRECISION.ordinal()] = answered[positive] == 0 ? 0 : truePositive / answered[positive];
      byMetric[SliceMetric.RECALL.ordinal()] = support[positive] == 0 ? 0 : truePositive / support[positive];
      byMetric[SliceMetric.F1.ordinal()] = answered[positive] + support[positive] == 0 ? 0
          : 2 * truePositive / (answered[positive] + support[positive]);
    }
  }
}
