package dev.flipgate.comparison;

import java.util.List;
import java.util.Optional;

/**
 * The example-by-example comparison of a candidate with the deployed model on a golden set:
 * every example's outcome, every slice ({@code all} first), every perturbation, and the
 * critical examples. Knows nothing of gates, reports or the CLI.
 */
public record Comparison(
    List<ExampleOutcome> outcomes,
    List<SliceComparison> slices,
    List<AdversarialOutcome> adversarialOutcomes,
    List<PerturbationComparison> perturbations,
    List<String> criticalIds,
    EvidenceSettings evidence) {

  public Comparison {
    outcomes = List.copyOf(outcomes);
    slices = List.copyOf(slices);
    adversarialOutcomes = List.copyOf(adversarialOutcomes);
    perturbations = List.copyOf(perturbations);
    criticalIds = List.copyOf(criticalIds);
  }

  public Optional<SliceComparison> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<PerturbationComparison> perturbation(String name) {
    return perturbations.stream().filter(p -> p.perturbation().equals(name)).findFirst();
  }

  /** Outcomes whose kind is a flip, in golden-set order. */
  public List<ExampleOutcome> flips() {
    return outcomes.stream().filter(o -> o.kind().isFlip()).toList();
  }
}
