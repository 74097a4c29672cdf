package dev.flipgate.gate;

import java.util.List;

/** The verdict, every check made, and the failed ones as reasons. */
public record GateDecision(Verdict verdict, List<RuleCheck> checks) {

  public GateDecision {
    checks = List.copyOf(checks);
  }

  static GateDecision of(List<RuleCheck> checks) {
    boolean allPassed = checks.stream().allMatch(RuleCheck::passed);
    return new GateDecision(allPassed ? Verdict.PROMOTE : Verdict.BLOCK, checks);
  }

  public List<RuleCheck> reasons() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
