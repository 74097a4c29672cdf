package dev.flipgate.model;

import java.util.Arrays;
import java.util.List;

/** A model's probability for each class, in the golden set's class order. Immutable. */
public final class ClassScores {
  private final List<String> classes;
  private final double[] probabilities;

  public ClassScores(List<String> classes, double[] probabilities) {
    if (classes.size() != probabilities.length) {
      throw new IllegalArgumentException(classes.size() + " classes but " + probabilities.length + " scores");
    }
    this.classes = List.copyOf(classes);
    this.probabilities = probabilities.clone();
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
