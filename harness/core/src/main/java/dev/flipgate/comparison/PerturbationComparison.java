package dev.flipgate.comparison;

import java.util.List;

/**
 * Robustness to one perturbation: the share of its adversarial examples on which each model still
 * meets the expectation, and the examples the candidate fails while the deployed model passes.
 */
public record PerturbationComparison(
    String perturbation, String description, long n, double deployedRobustness, double candidateRobustness,
    List<String> candidateOnlyFailures) {

  public PerturbationComparison {
    candidateOnlyFailures = List.copyOf(candidateOnlyFailures);
  }

  /** {@code deployed − candidate}: positive means the candidate is less robust. */
  public double robustnessDrop() {
    return deployedRobustness - candidateRobustness;
  }
}
