package dev.flipgate.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Accuracy and macro-averaged precision, recall and F1 of one model on one slice. Macro averages
 * follow scikit-learn's defaults: over the classes that occur as a label or a prediction in the
 * slice, a class never predicted has precision 0, a class never labelled has recall 0.
 */
public record ClassificationMetrics(
    OptionalDouble accuracy, OptionalDouble macroPrecision, OptionalDouble macroRecall, OptionalDouble macroF1) {

  private static final ClassificationMetrics UNDEFINED = new ClassificationMetrics(
      OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  public static ClassificationMetrics of(List<String> labels, List<String> predictions) {
    if (labels.size() != predictions.size()) {
      throw new IllegalArgumentException(labels.size() + " labels but " + predictions.size() + " predictions");
    }
    var classSet = new TreeSet<>(labels);
    classSet.addAll(predictions);
    var classes = new ArrayList<>(classSet);
    int[] label = labels.stream().mapToInt(classes::indexOf).toArray();
    int[] predicted = predictions.stream().mapToInt(classes::indexOf).toArray();
    double[] weight = new double[labels.size()];
    java.util.Arrays.fill(weight, 1.0);
    return weighted(classes.size(), label, predicted, weight);
  }

  /**
   * The metrics of weighted (label, prediction) pairs given as class indices, e.g. the cells of a
   * slice with their counts or their bootstrap weights. Classes with no weight as label or
   * prediction are left out of the macro averages.
   */
  public static ClassificationMetrics weighted(int classCount, int[] label, int[] predicted, double[] weight) {
    double[] truePositives = new double[classCount];
    double[] predictedCount = new double[classCount];
    double[] actualCount = new double[classCount];
    double total = 0;
    double correct = 0;
    for (int i = 0; i < label.length; i++) {
      double w = weight[i];
      total += w;
      actualCount[label[i]] += w;
      predictedCount[predicted[i]] += w;
      if (label[i] == predicted[i]) {
        truePositives[label[i]] += w;
        correct += w;
      }
    }
    if (total == 0) {
      return UNDEFINED;
    }
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int present = 0;
    for (int c = 0; c < classCount; c++) {
      if (actualCount[c] == 0 && predictedCount[c] == 0) {
        continue;
      }
      present++;
      precision += predictedCount[c] == 0 ? 0 : truePositives[c] / predictedCount[c];
      recall += actualCount[c] == 0 ? 0 : truePositives[c] / actualCount[c];
      f1 += 2 * truePositives[c] / (predictedCount[c] + actualCount[c]);
    }
    return new ClassificationMetrics(OptionalDouble.of(correct / total), OptionalDouble.of(precision / present),
        OptionalDouble.of(recall / present), OptionalDouble.of(f1 / present));
  }
}
