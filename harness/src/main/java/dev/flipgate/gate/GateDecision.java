package dev.flipgate.gate;

import java.util.List;

/** The verdict, every check made, the reasons to block, and the checks too small to trust. */
public record GateDecision(Verdict verdict, List<RuleCheck> checks, GatePolicy.Underpowered underpoweredHandling) {

  public GateDecision {
    checks = List.copyOf(checks);
  }

  static GateDecision of(List<RuleCheck> checks, GatePolicy.Underpowered underpowered) {
    var decision = new GateDecision(Verdict.PROMOTE, checks, underpowered);
    return decision.reasons().isEmpty() ? decision : new GateDecision(Verdict.BLOCK, checks, underpowered);
  }

  /** Failed checks, and underpowered ones when the policy blocks on them. */
  public List<RuleCheck> reasons() {
    return checks.stream()
        .filter(c -> !c.passed() || (underpoweredHandling == GatePolicy.Underpowered.BLOCK && c.isUnderpowered()))
        .toList();
  }

  /** Checks whose subject is too small to reveal the rule's threshold, passed or not. */
  public List<RuleCheck> underpowered() {
    return checks.stream().filter(RuleCheck::isUnderpowered).toList();
  }
}
