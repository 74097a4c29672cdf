package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.PerturbationComparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Blocks when the share of adversarial examples of a perturbation that still meet their
 * expectation drops by more than {@code max} (drop = deployed − candidate).
 *
 * <pre>
 * - rule: max-robustness-drop
 *   perturbations: ["*"]
 *   max: 0.02
 * </pre>
 */
public record MaxRobustnessDropRule(List<String> perturbations, Double max) implements GateRule {
  public static final String ID = "max-robustness-drop";

  @Override
  public Concern concern() {
    return Concern.ADVERSARIAL;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    Thresholds.requireRate(max, "max", location);
    if (perturbations == null || perturbations.isEmpty()) {
      throw location.problem().expected("perturbations: a list of names, or [\"*\"] for every one").found("none")
          .whatToDo("name the perturbations the rule covers").configurationError("rule covers no perturbation");
    }
    for (String name : perturbations) {
      boolean known = name.equals(SliceSelection.EVERY) || goldenSet.perturbations().containsKey(name);
      if (!known) {
        throw location.problem().expected("a perturbation of golden set '" + goldenSet.name() + "': "
                + goldenSet.perturbations().keySet())
            .found("'" + name + "'").whatToDo("fix the name, or declare it in the manifest")
            .configurationError("rule names an unknown perturbation");
      }
    }
    goldenSet.perturbations().keySet().stream()
        .filter(p -> perturbations.contains(SliceSelection.EVERY) || perturbations.contains(p))
        .filter(p -> goldenSet.adversarialExamples().stream().noneMatch(a -> a.perturbation().equals(p)))
        .findFirst().ifPresent(p -> {
          throw location.problem().expected("adversarial examples for perturbation '" + p + "'").found("none")
              .whatToDo("add examples for it or leave it out of the rule").configurationError("perturbation has no examples");
        });
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return goldenSet.perturbations().keySet().stream()
        .filter(p -> perturbations.contains(SliceSelection.EVERY) || perturbations.contains(p))
        .map(RuleCheck.Subject::perturbation).toList();
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    return comparison.perturbations().stream()
        .filter(p -> perturbations.contains(SliceSelection.EVERY) || perturbations.contains(p.perturbation()))
        .map(this::check).toList();
  }

  private RuleCheck check(PerturbationComparison perturbation) {
    double drop = perturbation.robustnessDrop();
    boolean passed = drop <= max;
    String message = String.format("robustness to '%s' %s by %s (%s → %s, n = %d), %s the maximum drop %s%s",
        perturbation.perturbation(), drop >= 0 ? "drops" : "rises", Percent.points(Math.abs(drop)),
        Percent.of(perturbation.deployedRobustness()), Percent.of(perturbation.candidateRobustness()), perturbation.n(),
        passed ? "within" : "above", Percent.points(max),
        perturbation.candidateOnlyFailures().isEmpty() ? ""
            : ": only the candidate fails " + Percent.ids(perturbation.candidateOnlyFailures()));
    return new RuleCheck(ID, RuleCheck.Subject.perturbation(perturbation.perturbation()), passed,
        OptionalDouble.of(drop), max, message, perturbation.candidateOnlyFailures());
  }
}
