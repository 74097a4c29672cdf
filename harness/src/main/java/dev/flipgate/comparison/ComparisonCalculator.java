package dev.flipgate.comparison;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Example;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.SliceDefinition;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two models' predictions on a golden set, example by example. */
public final class ComparisonCalculator {
  private ComparisonCalculator() {}

  /**
   * @param deployed the deployed model's prediction for every example and adversarial example id
   * @param candidate the candidate's, likewise
   * @throws dev.flipgate.failure.ModelFailureException if any prediction is missing: a comparison
   *     with holes would let a regression pass unseen
   */
  public static Comparison compare(GoldenSet goldenSet, Map<String, Prediction> deployed, Map<String, Prediction> candidate,
      EvidenceSettings settings) {
    var evidence = new SliceEvidenceCalculator(settings);
    List<ExampleOutcome> outcomes = new ArrayList<>();
    for (Example example : goldenSet.examples()) {
      outcomes.add(ExampleOutcome.of(example.id(), example.label(),
          require(deployed, example.id(), "deployed"), require(candidate, example.id(), "candidate"), goldenSet.task()));
    }
    // Slices are independent (each bootstrap has its own seeded stream), so they are compared in
    // parallel; the list keeps the golden set's order, and the numbers do not depend on the threads.
    List<SliceComparison> slices = goldenSet.slices().parallelStream()
        .map(slice -> compareSlice(slice, goldenSet, outcomes, evidence)).toList();
    List<AdversarialOutcome> adversarial = new ArrayList<>();
    for (AdversarialExample example : goldenSet.adversarialExamples()) {
      adversarial.add(new AdversarialOutcome(example,
          require(deployed, example.id(), "deployed"), require(candidate, example.id(), "candidate"),
          require(deployed, example.sourceId(), "deployed"), require(candidate, example.sourceId(), "candidate"),
          goldenSet.task()));
    }
    return new Comparison(outcomes, slices, adversarial, comparePerturbations(goldenSet, adversarial),
        goldenSet.criticalIds(), settings);
  }

  private static SliceComparison compareSlice(SliceDefinition slice, GoldenSet goldenSet, List<ExampleOutcome> outcomes,
      SliceEvidenceCalculator evidence) {
    List<Example> examples = goldenSet.examples();
    List<ExampleOutcome> members = new ArrayList<>();
    List<String> negativeFlips = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (slice.predicate().contains(examples.get(i))) {
        ExampleOutcome outcome = outcomes.get(i);
        members.add(outcome);
        if (outcome.kind() == FlipKind.NEGATIVE) {
          negativeFlips.add(outcome.id());
        }
      }
    }
    FlipCounts counts = FlipCounts.of(members.stream().map(ExampleOutcome::kind).toList());
    var parts = goldenSet.task().isRegression()
        ? SliceComparisonParts.ofValues(members)
        : SliceComparisonParts.of(SliceAnswers.of(goldenSet.classes(), goldenSet.positiveClass(), members));
    return new SliceComparison(slice.name(), slice.description(), counts, parts.deployed(), parts.candidate(),
        negativeFlips, parts.cells(), evidence.of(slice.name(), counts, parts));
  }

  private static List<PerturbationComparison> comparePerturbations(GoldenSet goldenSet, List<AdversarialOutcome> outcomes) {
    Map<String, List<AdversarialOutcome>> byPerturbation = new LinkedHashMap<>();
    goldenSet.perturbations().keySet().forEach(name -> byPerturbation.put(name, new ArrayList<>()));
    outcomes.forEach(o -> byPerturbation.get(o.example().perturbation()).add(o));
    List<PerturbationComparison> comparisons = new ArrayList<>();
    byPerturbation.forEach((name, list) -> {
      long deployedPasses = list.stream().filter(AdversarialOutcome::deployedPasses).count();
      long candidatePasses = list.stream().filter(AdversarialOutcome::candidatePasses).count();
      List<String> candidateOnly = list.stream().filter(o -> o.deployedPasses() && !o.candidatePasses())
          .map(o -> o.example().id()).toList();
      double n = Math.max(1, list.size());
      comparisons.add(new PerturbationComparison(name, goldenSet.perturbations().get(name), list.size(),
          list.isEmpty() ? Double.NaN : deployedPasses / n, list.isEmpty() ? Double.NaN : candidatePasses / n,
          candidateOnly));
    });
    return comparisons;
  }

  private static Prediction require(Map<String, Prediction> predictions, String id, String model) {
    Prediction prediction = predictions.get(id);
    if (prediction == null) {
      throw Problem.at("the " + model + " model's predictions").example(id).expected("a prediction").found("none")
          .whatToDo("rerun; if it persists, the model adapter lost an answer").modelFailure("missing prediction");
    }
    return prediction;
  }
}
