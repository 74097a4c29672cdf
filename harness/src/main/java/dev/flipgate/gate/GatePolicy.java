package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.goldenset.GoldenSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that decide the verdict. A candidate is promoted only when every check passes; an
 * underpowered check is reported, and blocks too when the policy says {@code underpowered: block}.
 */
public record GatePolicy(List<GateRule> rules, Underpowered underpowered) {

  /** What an underpowered check does to the verdict. */
  public enum Underpowered { REPORT, BLOCK }

  public GatePolicy {
    rules = List.copyOf(rules);
  }

  public GatePolicy(List<GateRule> rules) {
    this(rules, Underpowered.REPORT);
  }

  /** Checks every rule against the golden set, before any model runs. */
  public void validate(GoldenSet goldenSet, Path suiteFile) {
    if (rules.isEmpty()) {
      throw new RuleLocation(suiteFile, 0, "none").problem().expected("at least one rule under policy.rules")
          .found("none").whatToDo("declare the gate policy (see README.md)")
          .configurationError("a policy without rules would promote anything");
    }
    for (int i = 0; i < rules.size(); i++) {
      GateRule rule = rules.get(i);
      var location = new RuleLocation(suiteFile, i, rule.id());
      rule.validate(goldenSet, location);
      if (rule.subjects(goldenSet).isEmpty()) {
        // A rule that judges nothing always passes: a PROMOTE it "allowed" would be a silent lie.
        throw location.problem().expected("something for the rule to judge on golden set '" + goldenSet.name() + "'")
            .found("nothing: " + nothingToJudge(rule))
            .whatToDo("remove the rule, or add to the golden set what it is meant to judge")
            .configurationError("rule would judge nothing");
      }
    }
  }

  /** Rules refuse unknown names in their own validation; what is left is a golden set without the kind of subject. */
  private static String nothingToJudge(GateRule rule) {
    return rule.concern() == Concern.ADVERSARIAL ? "the golden set has no adversarial examples"
        : "the golden set has nothing of the kind it judges";
  }

  public GateDecision decide(Comparison comparison) {
    List<RuleCheck> checks = new ArrayList<>();
    rules.forEach(rule -> checks.addAll(rule.check(comparison)));
    return GateDecision.of(checks, underpowered);
  }
}
