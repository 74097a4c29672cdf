package dev.flipgate.comparison;

import java.util.List;

/**
 * Robustness to one perturbation: the share of its adversarial examples on which each model still
 * meets the expectation, the examples each model fails (CheckList lists its failures per model),
 * and the examples the candidate fails while the deployed model passes (the regressions).
 */
public record PerturbationComparison(
    String perturbation, String description, long n, double deployedRobustness, double candidateRobustness,
    List<String> candidateOnlyFailures, List<String> deployedFailures, List<String> candidateFailures) {

  public PerturbationComparison {
    candidateOnlyFailures = List.copyOf(candidateOnlyFailures);
    deployedFailures = List.copyOf(deployedFailures);
    candidateFailures = List.copyOf(candidateFailures);
  }

  /** {@code deployed − candidate}: positive means the candidate is less robust. */
  public double robustnessDrop() {
    return deployedRobustness - candidateRobustness;
  }
}
