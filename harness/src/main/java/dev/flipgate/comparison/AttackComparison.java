package dev.flipgate.comparison;

import dev.flipgate.model.Prediction;
import java.util.List;

/**
 * One attack run against each model separately on the same examples (ones both models answer
 * correctly): for each, whether the attack fooled the model within its query budget, and the
 * change it found. {@code rows} are the attacked examples' rows in the golden set.
 */
public record AttackComparison(String name, String description, int budget, List<Attacked> examples) {

  public AttackComparison {
    examples = List.copyOf(examples);
  }

  /** An attacked example: its golden-set row and id, the slices it is in, and the attack's outcome on each model. */
  public record Attacked(int row, String id, String label, List<String> slices, Outcome deployed, Outcome candidate) {

    public Attacked {
      slices = List.copyOf(slices);
    }

    /** Fooled only the candidate: a robustness regression. */
    public boolean candidateOnly() {
      return candidate.fooled() && !deployed.fooled();
    }
  }

  /**
   * The attack on one model: fooled or not, the queries it took, the answer to the input it ended
   * on, and that input's change from the source (value index and new value: what a rerun reproduces).
   */
  public record Outcome(boolean fooled, int queries, Prediction answer, List<Change> change) {
    public Outcome {
      change = List.copyOf(change);
    }
  }

  public record Change(int index, float from, float to) {}

  /** The attacked examples of the slice named {@code slice}. */
  public List<Attacked> in(String slice) {
    return examples.stream().filter(a -> a.slices().contains(slice)).toList();
  }
}
