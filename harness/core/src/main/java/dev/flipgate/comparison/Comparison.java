package dev.flipgate.comparison;

import dev.flipgate.latency.LatencyComparison;
import java.util.List;
import java.util.Optional;

/**
 * The example-by-example comparison of a candidate with the deployed model on a golden set:
 * every example's outcome, every slice ({@code all} first), every perturbation, and the
 * critical examples; and, when the golden set carries a human annotator's answers, each slice's
 * human baseline ({@code human}, in the slices' order). Knows nothing of gates, reports or the CLI.
 */
public record Comparison(
    List<ExampleOutcome> outcomes,
    List<SliceComparison> slices,
    List<AdversarialOutcome> adversarialOutcomes,
    List<PerturbationComparison> perturbations,
    List<String> criticalIds,
    EvidenceSettings evidence,
    Optional<LatencyComparison> latency,
    Optional<List<HumanAgreement>> human,
    List<AttackComparison> attacks) {

  /** A comparison of answers only; latency is added by {@link #withLatency} when it was measured. */
  public Comparison(List<ExampleOutcome> outcomes, List<SliceComparison> slices, List<AdversarialOutcome> adversarialOutcomes,
      List<PerturbationComparison> perturbations, List<String> criticalIds, EvidenceSettings evidence) {
    this(outcomes, slices, adversarialOutcomes, perturbations, criticalIds, evidence, Optional.empty(), Optional.empty(),
        List.of());
  }

  public Comparison withLatency(LatencyComparison measured) {
    return new Comparison(outcomes, slices, adversarialOutcomes, perturbations, criticalIds, evidence, Optional.of(measured),
        human, attacks);
  }

  /** The same comparison with the attacks run against both models. */
  public Comparison withAttacks(List<AttackComparison> run) {
    return new Comparison(outcomes, slices, adversarialOutcomes, perturbations, criticalIds, evidence, latency, human, run);
  }

  public Optional<AttackComparison> attack(String name) {
    return attacks.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The human baseline of the slice named {@code name}, when the golden set carries human answers. */
  public Optional<HumanAgreement> human(String name) {
    return human.flatMap(all -> all.stream().filter(h -> h.slice().equals(name)).findFirst());
  }

  public Comparison {
    outcomes = outcomes instanceof OutcomeRows rows ? rows : List.copyOf(outcomes); // OutcomeRows is immutable
    slices = List.copyOf(slices);
    adversarialOutcomes = List.copyOf(adversarialOutcomes);
    perturbations = List.copyOf(perturbations);
    criticalIds = List.copyOf(criticalIds);
    java.util.Objects.requireNonNull(latency, "latency");
    human = human.map(List::copyOf);
    attacks = List.copyOf(attacks);
  }

  public Optional<SliceComparison> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<PerturbationComparison> perturbation(String name) {
    return perturbations.stream().filter(p -> p.perturbation().equals(name)).findFirst();
  }

  /** Outcomes whose kind is a flip, in golden-set order. */
  public List<ExampleOutcome> flips() {
    return outcomes instanceof OutcomeRows rows ? rows.flips() : outcomes.stream().filter(o -> o.kind().isFlip()).toList();
  }

  /**
   * The golden-set rows of {@link #flips()}, in the same order, when the outcomes are the golden
   * set's whole table (a reader then needs no id lookup per flip); empty otherwise.
   */
  public Optional<int[]> flipRows() {
    return outcomes instanceof OutcomeRows rows ? Optional.of(rows.flipRows()) : Optional.empty();
  }

  /** The outcome of the example with this id, if the golden set has it (adversarial examples are not outcomes). */
  public Optional<ExampleOutcome> outcome(String id) {
    return outcomes instanceof OutcomeRows rows ? rows.of(id)
        : outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** The outcomes of these ids that are examples, in golden-set order. */
  public List<ExampleOutcome> outcomes(java.util.Collection<String> ids) {
    if (outcomes instanceof OutcomeRows rows) {
      return ids.stream().distinct().map(rows::of).flatMap(Optional::stream)
          .sorted(java.util.Comparator.comparingInt(o -> rows.rowOf(o.id()))).toList();
    }
    return outcomes.stream().filter(o -> ids.contains(o.id())).toList();
  }
}
