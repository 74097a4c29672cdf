package dev.flipgate.run;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.gate.GateDecision;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.provenance.Provenance;

/** Everything one gate run produced: what was compared, how, and the decision. */
public record RunResult(Provenance provenance, GoldenSet goldenSet, Comparison comparison, GateDecision decision) {}
