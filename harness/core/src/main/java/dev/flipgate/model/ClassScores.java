package dev.flipgate.model;

import java.util.Arrays;
import java.util.List;

/**
 * A model's probability for each class, in the golden set's class order. Immutable. Scores read
 * from anywhere are first checked by {@link #problemWith}: each within [0, 1] and together
 * summing to 1 within {@value #SUM_TOLERANCE} — room for scores rounded to three decimals over
 * twenty classes, too little for logits or unnormalized scores to pass as probabilities.
 */
public final class ClassScores {
  /** How far a row of probabilities may sum from 1. */
  public static final double SUM_TOLERANCE = 0.01;

  private final List<String> classes;
  private final double[] probabilities;

  public ClassScores(List<String> classes, double[] probabilities) {
    if (classes.size() != probabilities.length) {
      throw new IllegalArgumentException(classes.size() + " classes but " + probabilities.length + " scores");
    }
    this.classes = List.copyOf(classes);
    this.probabilities = probabilities.clone();
  }

  /**
   * What makes {@code probabilities} (in {@code classes} order) unusable as class scores, or empty
   * when they are finite, each within [0, 1], and sum to 1 within {@link #SUM_TOLERANCE}.
   */
  public static java.util.Optional<String> problemWith(List<String> classes, double[] probabilities) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double p = probabilities[i];
      if (!Double.isFinite(p)) {
        return java.util.Optional.of("a non-finite score " + p + " for class '" + classes.get(i) + "'");
      }
      if (p < 0 || p > 1) {
        return java.util.Optional.of("the score " + p + " for class '" + classes.get(i) + "', outside [0, 1]");
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      return java.util.Optional.of("scores that sum to " + Math.round(sum * 1e6) / 1e6 + ", not 1 (within " + SUM_TOLERANCE + ")");
    }
    return java.util.Optional.empty();
  }

  public double of(String label) {
    int index = classes.indexOf(label);
    return index < 0 ? 0.0 : probabilities[index];
  }

  public List<String> classes() {
    return classes;
  }

  public double[] toArray() {
    return probabilities.clone();
  }

  /** The first class with the highest score, so ties resolve the same way every run. */
  public String best() {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return classes.get(best);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClassScores that
        && classes.equals(that.classes) && Arrays.equals(probabilities, that.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * classes.hashCode() + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "ClassScores" + Arrays.toString(probabilities);
  }
}
