package dev.flipgate.comparison;

import dev.flipgate.goldenset.Task;
import dev.flipgate.model.Prediction;
import java.util.Objects;

/** One example as both models answered it, and how its correctness changed. */
public record ExampleOutcome(String id, String label, Prediction deployed, Prediction candidate, FlipKind kind) {

  public ExampleOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(deployed, "deployed");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * For a classification, right means the true label; for a regression, an example regresses
   * when its absolute error grows by more than the task's tolerance (and improves when it shrinks
   * by more), and is otherwise "both right" when the deployed error is within the tolerance.
   */
  public static ExampleOutcome of(String id, String label, Prediction deployed, Prediction candidate, Task task) {
    return new ExampleOutcome(id, label, deployed, candidate, kindOf(label, deployed, candidate, task));
  }

  /** How correctness changed on an example with this label: see {@link #of}. */
  static FlipKind kindOf(String label, Prediction deployed, Prediction candidate, Task task) {
    if (task instanceof Task.Regression regression) {
      double target = Double.parseDouble(label);
      double deployedError = Math.abs(Double.parseDouble(deployed.label()) - target);
      double candidateError = Math.abs(Double.parseDouble(candidate.label()) - target);
      return FlipKind.ofErrors(deployedError, candidateError, regression.tolerance());
    }
    return FlipKind.of(label.equals(deployed.label()), label.equals(candidate.label()));
  }
}
