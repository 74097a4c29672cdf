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
      if (withTables) {
        perClass.add(new ClassificationMetrics.ClassMetrics(classes.get(c), precision, recall, f1, (long) support[c]));
      }
    }
    double accuracy = correct / total;
    values.put(SliceMetric.ACCURACY, accuracy);
    values.put(SliceMetric.BALANCED_ACCURACY, recallOfLabelled / labelled);
    values.put(SliceMetric.MACRO_PRECISION, sums[0] / present);
    values.put(SliceMetric.MACRO_RECALL, sums[1] / present);
    values.put(SliceMetric.MACRO_F1, sums[2] / present);
    // Single-label micro averages count every example once: all three equal the accuracy.
    values.put(SliceMetric.MICRO_PRECISION, accuracy);
    values.put(SliceMetric.MICRO_RECALL, accuracy);
    values.put(SliceMetric.MICRO_F1, accuracy);
    values.put(SliceMetric.WEIGHTED_PRECISION, sums[3] / total);
    values.put(SliceMetric.WEIGHTED_RECALL, sums[4] / total);
    values.put(SliceMetric.WEIGHTED_F1, sums[5] / total);
    if (positive >= 0) {
      putPositiveClass(values, truePositives[positive], answered[positive], support[positive]);
    }
    return new ClassificationMetrics(values, perClass, confusion);
  }

  private static void putPositiveClass(Map<SliceMetric, Double> values, double truePositives, double answered, double support) {
    values.put(SliceMetric.PRECISION, answered == 0 ? 0 : truePositives / answered);
    values.put(SliceMetric.RECALL, support == 0 ? 0 : truePositives / support);
    values.put(SliceMetric.F1, answered + support == 0 ? 0 : 2 * truePositives / (answered + support));
  }
}
