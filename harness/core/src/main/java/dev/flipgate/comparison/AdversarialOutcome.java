package dev.flipgate.comparison;

import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.goldenset.Task;
import dev.flipgate.model.Prediction;

/**
 * Both models on one adversarial example, and on its source (needed for {@code invariant}
 * expectations, where the answer must not change).
 */
public record AdversarialOutcome(
    AdversarialExample example, Prediction deployed, Prediction candidate,
    Prediction deployedOnSource, Prediction candidateOnSource, Task task) {

  public boolean deployedPasses() {
    return passes(deployed, deployedOnSource);
  }

  public boolean candidatePasses() {
    return passes(candidate, candidateOnSource);
  }

  /** For a regression, an answer "is" another when they differ by at most the tolerance. */
  private boolean passes(Prediction answer, Prediction onSource) {
    if (example.expectation() == Expectation.DIRECTIONAL) {
      return keepsDirection(answer, onSource);
    }
    String expected = example.expectation() == Expectation.TRUE_LABEL ? example.label() : onSource.label();
    if (task instanceof Task.Regression regression) {
      return Math.abs(Double.parseDouble(answer.label()) - Double.parseDouble(expected)) <= regression.tolerance();
    }
    return answer.label().equals(expected);
  }

  /** A score that did not move the wrong way; without the class's score there is nothing to judge, which fails. */
  private boolean keepsDirection(Prediction answer, Prediction onSource) {
    var direction = example.direction().orElseThrow();
    var after = answer.scores().filter(s -> s.classes().contains(direction.className()));
    var before = onSource.scores().filter(s -> s.classes().contains(direction.className()));
    return after.isPresent() && before.isPresent()
        && direction.holds(before.get().of(direction.className()), after.get().of(direction.className()));
  }
}
