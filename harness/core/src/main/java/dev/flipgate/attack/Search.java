package dev.flipgate.attack;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/** Book-keeping shared by the attacks: how good a candidate input is for the attacker, and the outcome. */
final class Search {
  private Search() {}

  /**
   * How much the model still believes the true label (lower is better for the attacker): its score
   * for the label, or, without scores, 1 while it answers the label and 0 once it does not.
   */
  static double belief(Prediction answer, String label) {
    if (!answer.label().equals(label)) {
      return -1; // fooled: better than any score
    }
    return answer.scores().filter(s -> s.classes().contains(label)).map(s -> s.of(label)).orElse(1.0);
  }

  static AttackComparison.Outcome outcome(boolean fooled, int queries, Prediction answer, float[] source, float[] input) {
    List<AttackComparison.Change> change = new ArrayList<>();
    for (int i = 0; i < source.length; i++) {
      if (Float.compare(source[i], input[i]) != 0) {
        change.add(new AttackComparison.Change(i, source[i], input[i]));
      }
    }
    return new AttackComparison.Outcome(fooled, queries, answer, change);
  }

  static float clip(double value, double[] range) {
    return (float) Math.max(range[0], Math.min(range[1], value));
  }
}
