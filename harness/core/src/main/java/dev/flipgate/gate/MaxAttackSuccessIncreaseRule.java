package dev.flipgate.gate;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.statistics.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Blocks when an attack fools the candidate more often than the deployed model: on a slice's
 * attacked examples (both models answered them correctly), candidate success rate − deployed
 * success rate above {@code max}. The two rates are paired (the same examples, the same search
 * start), so the change has Tango's score interval, like accuracy's; {@code judge} picks the
 * estimate or an end of it.
 *
 * <pre>
 * - rule: max-attack-success-increase
 *   attacks: [one-pixel]
 *   slices: [all]
 *   max: 0.05
 *   judge: estimate     # | upper-bound | lower-bound
 * </pre>
 */
public record MaxAttackSuccessIncreaseRule(List<String> attacks, List<String> slices, Double max, String judge)
    implements GateRule {
  public static final String ID = "max-attack-success-increase";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Concern concern() {
    return Concern.ATTACK;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    Thresholds.requireRate(max, "max", location);
    Judgement.of(judge, location);
    SliceSelection.validate(slices, goldenSet, location);
    if (attacks == null || attacks.isEmpty()) {
      throw location.problem().expected("attacks: the attacks the rule judges, or [\"*\"] for every one").found("none")
          .whatToDo("name them").configurationError("rule covers no attack");
    }
    for (String name : attacks) {
      if (!name.equals(SliceSelection.EVERY) && !goldenSet.attacks().containsKey(name)) {
        throw location.problem().expected("an attack the suite declares under attacks: " + goldenSet.attacks().keySet())
            .found("'" + name + "'").whatToDo("fix the name, or declare the attack").configurationError("rule names an unknown attack");
      }
    }
  }

  private List<String> judged(java.util.Collection<String> declared) {
    return declared.stream().filter(a -> attacks.contains(SliceSelection.EVERY) || attacks.contains(a)).toList();
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    List<RuleCheck.Subject> subjects = new ArrayList<>();
    for (String attack : judged(goldenSet.attacks().keySet())) {
      SliceSelection.subjects(slices, goldenSet).forEach(s -> subjects.add(RuleCheck.Subject.attack(attack, s.name())));
    }
    return subjects;
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    Judgement judgement = Judgement.parse(judge);
    List<RuleCheck> checks = new ArrayList<>();
    for (String name : judged(comparison.attacks().stream().map(AttackComparison::name).toList())) {
      AttackComparison attack = comparison.attack(name).orElseThrow();
      for (SliceComparison slice : SliceSelection.select(slices, comparison)) {
        checks.add(check(attack, slice.name(), judgement, comparison.evidence().level()));
      }
    }
    return checks;
  }

  private RuleCheck check(AttackComparison attack, String slice, Judgement judgement, double level) {
    var subject = RuleCheck.Subject.attack(attack.name(), slice);
    AttackComparison.Tally tally = attack.tally(slice);
    if (tally.n() == 0) {
      return new RuleCheck(ID, subject, false, OptionalDouble.empty(), max, "attack '" + attack.name() + "' attacked no example"
          + " of '" + slice + "' (none both models answer correctly was drawn), so it cannot be judged", List.of());
    }
    double increase = tally.successIncrease();
    Interval interval = tally.interval(level);
    double judged = judgement.pick(increase, interval.low(), interval.high());
    boolean passed = judged <= max;
    List<String> regressions = tally.candidateOnly();
    String bound = judgement == Judgement.ESTIMATE ? "" : String.format(", %s %s", judgement.id(), Percent.points(judged));
    String message = String.format("attack '%s' on '%s' fools the candidate on %d and the deployed model on %d of %d"
        + " examples (%s%s), %s the maximum increase %s%s", attack.name(), slice, tally.candidateFooled(),
        tally.deployedFooled(), tally.n(), Percent.points(increase), bound, passed ? "within" : "above", Percent.points(max),
        regressions.isEmpty() ? "" : ": only the candidate fooled on " + Percent.ids(regressions));
    return new RuleCheck(ID, subject, passed, OptionalDouble.of(judged), max, message, regressions);
  }
}
