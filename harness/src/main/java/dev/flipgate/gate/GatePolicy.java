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
      rules.get(i).validate(goldenSet, new RuleLocation(suiteFile, i, rules.get(i).id()));
    }
  }

  public GateDecision decide(Comparison comparison) {
    List<RuleCheck> checks = new ArrayList<>();
    rules.forEach(rule -> checks.addAll(rule.check(comparison)));
    return GateDecision.of(checks, underpowered);
  }
}
