package dev.flipgate.comparison;

import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.model.Prediction;

/**
 * Both models on one adversarial example, and on its source (needed for {@code invariant}
 * expectations, where the answer must not change).
 */
public record AdversarialOutcome(
    AdversarialExample example, Prediction deployed, Prediction candidate,
    Prediction deployedOnSource, Prediction candidateOnSource) {

  public boolean deployedPasses() {
    return passes(deployed, deployedOnSource);
  }

  public boolean candidatePasses() {
    return passes(candidate, candidateOnSource);
  }

  private boolean passes(Prediction answer, Prediction onSource) {
    return example.expectation() == Expectation.TRUE_LABEL
        ? answer.label().equals(example.label())
        : answer.label().equals(onSource.label());
  }
}
