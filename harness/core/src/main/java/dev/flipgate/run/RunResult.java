package dev.flipgate.run;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.gate.GateDecision;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.provenance.Provenance;

/**
 * Everything one gate run produced: what was compared, how, and the decision; and what each
 * model said on the side (a process's stderr), by role, kept beside the reports.
 */
public record RunResult(Provenance provenance, GoldenSet goldenSet, Comparison comparison, GateDecision decision,
    java.util.Map<String, String> sideOutputs) {

  public RunResult {
    sideOutputs = java.util.Map.copyOf(sideOutputs);
  }
}
