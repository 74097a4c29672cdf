package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.HumanAgreement;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Blocks when the candidate falls further below people than allowed: on a slice's examples a
 * human annotated, human accuracy − candidate accuracy is above {@code max}. Needs a golden set
 * with a human column ({@code examples.humanColumn}); a slice with no annotated example fails
 * closed. The gap is judged on the estimate.
 *
 * <pre>
 * - rule: max-gap-to-human
 *   slices: [all]
 *   max: 0.02      # at most 2 pp below the annotators
 * </pre>
 */
public record MaxGapToHumanRule(List<String> slices, Double max) implements GateRule {
  public static final String ID = "max-gap-to-human";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Concern concern() {
    return Concern.HUMAN_GAP;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    Thresholds.requireRate(max, "max", location);
    SliceSelection.validate(slices, goldenSet, location);
    if (goldenSet.humanColumn().isEmpty()) {
      throw location.problem().expected("a golden set with human answers (examples.humanColumn in its manifest)")
          .found("golden set '" + goldenSet.name() + "' has none").whatToDo("add the annotators' answers, or remove the rule")
          .configurationError("rule has no human baseline to compare with");
    }
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return SliceSelection.subjects(slices, goldenSet);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    return SliceSelection.select(slices, comparison).stream()
        .map(slice -> check(slice.name(), comparison.human(slice.name())).measuring("gapToHuman")).toList();
  }

  private RuleCheck check(String slice, Optional<HumanAgreement> human) {
    var subject = RuleCheck.Subject.slice(slice);
    OptionalDouble gap = human.map(HumanAgreement::candidateGap).orElse(OptionalDouble.empty());
    if (gap.isEmpty()) {
      return new RuleCheck(ID, subject, false, OptionalDouble.empty(), max,
          "slice '" + slice + "' has no example a human annotated, so the gap to people cannot be judged", List.of());
    }
    HumanAgreement h = human.get();
    boolean passed = gap.getAsDouble() <= max;
    String message = String.format("on the %d annotated examples of '%s' the candidate is %s below people (human %s,"
        + " candidate %s), %s the maximum gap %s", h.annotated(), slice, Percent.points(gap.getAsDouble()),
        Percent.of(h.humanAccuracy().getAsDouble()), Percent.of(h.candidateAccuracy().getAsDouble()),
        passed ? "within" : "above", Percent.points(max));
    return new RuleCheck(ID, subject, passed, gap, max, message, List.of());
  }
}
