package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.comparison.FlipKind;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Blocks when any critical example listed in the golden set's manifest is a negative flip.
 *
 * <pre>
 * - rule: critical-examples
 * </pre>
 */
public record CriticalExamplesRule() implements GateRule {
  public static final String ID = "critical-examples";

  @Override
  public Concern concern() {
    return Concern.CRITICAL_EXAMPLES;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    if (goldenSet.criticalIds().isEmpty()) {
      throw location.problem().expected("critical ids listed in the golden set's manifest (critical.ids)")
          .found("none").whatToDo("list the critical examples, or remove this rule")
          .configurationError("rule has no critical examples to check");
    }
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    var examples = goldenSet.table().ids();
    // In golden-set order, as the examples are.
    return goldenSet.criticalIds().stream().mapToInt(examples::rowOf).filter(row -> row >= 0).sorted()
        .mapToObj(row -> RuleCheck.Subject.example(examples.id(row))).toList();
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    return comparison.outcomes(comparison.criticalIds()).stream().map(this::check).toList();
  }

  private RuleCheck check(ExampleOutcome outcome) {
    boolean regressed = outcome.kind() == FlipKind.NEGATIVE;
    String message = regressed
        ? String.format("critical example %s regressed: label %s, deployed answered %s, candidate answered %s",
            outcome.id(), outcome.label(), outcome.deployed().label(), outcome.candidate().label())
        : String.format("critical example %s did not regress (%s)", outcome.id(), outcome.kind().id());
    return new RuleCheck(ID, RuleCheck.Subject.example(outcome.id()), !regressed,
        OptionalDouble.of(regressed ? 1 : 0), 0, message, regressed ? List.of(outcome.id()) : List.of());
  }
}
