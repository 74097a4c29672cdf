package dev.flipgate.suite;

import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.latency.LatencySettings;
import dev.flipgate.gate.GatePolicy;
import dev.flipgate.model.ModelDeclaration;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to gate: a golden set, the deployed model, the candidates one may choose from, the gate
 * policy, and the seed of every random step.
 */
public record Suite(
    String name,
    String description,
    Path file,
    Path goldenSetDirectory,
    long seed,
    ModelDeclaration deployed,
    Map<String, ModelDeclaration> candidates,
    String defaultCandidate,
    EvidenceSettings evidence,
    LatencySettings latency,
    GatePolicy policy) {

  public Suite {
    candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
  }
}
