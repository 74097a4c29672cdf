package dev.flipgate.comparison;

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

  public static ClassificationMetrics of(List<String> labels, List<String> predictions) {
    if (labels.size() != predictions.size()) {
      throw new IllegalArgumentException(labels.size() + " labels but " + predictions.size() + " predictions");
    }
    if (labels.isEmpty()) {
      return new ClassificationMetrics(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
          OptionalDouble.empty());
    }
    var classes = new TreeSet<String>(labels);
    classes.addAll(predictions);
    long correct = 0;
    double precisionSum = 0;
    double recallSum = 0;
    double f1Sum = 0;
    for (String label : classes) {
      long truePositives = 0;
      long predicted = 0;
      long actual = 0;
      for (int i = 0; i < labels.size(); i++) {
        boolean isLabel = labels.get(i).equals(label);
        boolean isPredicted = predictions.get(i).equals(label);
        truePositives += isLabel && isPredicted ? 1 : 0;
        predicted += isPredicted ? 1 : 0;
        actual += isLabel ? 1 : 0;
      }
      correct += truePositives;
      precisionSum += predicted == 0 ? 0 : (double) truePositives / predicted;
      recallSum += actual == 0 ? 0 : (double) truePositives / actual;
      f1Sum += predicted + actual == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
    }
    int k = classes.size();
    return new ClassificationMetrics(OptionalDouble.of((double) correct / labels.size()),
        OptionalDouble.of(precisionSum / k), OptionalDouble.of(recallSum / k), OptionalDouble.of(f1Sum / k));
  }
}
