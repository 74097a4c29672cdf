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

  /** The attack on one slice's examples, counted: what the rule judges and result.json reports. */
  public Tally tally(String slice) {
    List<Attacked> attacked = in(slice);
    return new Tally(attacked.size(), attacked.stream().filter(a -> a.deployed().fooled()).count(),
        attacked.stream().filter(a -> a.candidate().fooled()).count(),
        attacked.stream().filter(Attacked::candidateOnly).map(Attacked::id).toList(),
        attacked.stream().filter(a -> a.deployed().fooled() && !a.candidate().fooled()).count());
  }

  /**
   * Of {@code n} attacked examples, how many fooled each model; the ids that fooled only the
   * candidate, and how many only the deployed model: the paired cells of the success change.
   */
  public record Tally(long n, long deployedFooled, long candidateFooled, List<String> candidateOnly, long deployedOnly) {

    public Tally {
      candidateOnly = List.copyOf(candidateOnly);
    }

    /** Candidate success rate − deployed success rate; NaN for a slice nobody attacked. */
    public double successIncrease() {
      return n == 0 ? Double.NaN : (double) (candidateOnly.size() - deployedOnly) / n;
    }

    /** The change's paired (Tango score) interval at {@code level}. */
    public dev.flipgate.statistics.Interval interval(double level) {
      return dev.flipgate.statistics.TangoScoreInterval.interval(candidateOnly.size(), deployedOnly, n, level);
    }
  }
}
