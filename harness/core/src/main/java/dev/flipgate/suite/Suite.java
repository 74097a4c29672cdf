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
 * policy, the seed of every random step, and the ledger its runs are recorded in when the
 * command line names none ({@code ledger}: a JDBC URL or a file path, resolved against the suite's
 * directory; {@code ${NAME}} in it is read from the environment, so no password need be written).
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
    GatePolicy policy,
    java.util.Optional<String> ledger,
    dev.flipgate.perturbation.GeneratedPerturbations perturbations,
    dev.flipgate.attack.SuiteAttacks attacks) {

  /**
   * The suite's golden set, loaded and checked, with the suite's generated perturbations added (by
   * its seed); the suite's attacks are checked against it too.
   */
  public dev.flipgate.goldenset.GoldenSet loadGoldenSet() {
    var goldenSet = perturbations.addTo(dev.flipgate.goldenset.GoldenSetLoader.load(goldenSetDirectory), seed);
    attacks.validate(goldenSet);
    return goldenSet.withAttacks(attacks.descriptions());
  }

  /**
   * The candidate named {@code name}, or the default one; a configuration error naming the
   * declared candidates when there is no such candidate.
   */
  public ModelDeclaration candidate(java.util.Optional<String> name) {
    String key = name.orElse(defaultCandidate);
    ModelDeclaration declaration = candidates.get(key);
    if (declaration == null) {
      throw dev.flipgate.failure.Problem.at(file).expected("--candidate, one of " + candidates.keySet())
          .found("'" + key + "'").whatToDo("pick a declared candidate or declare it under candidates")
          .configurationError("unknown candidate");
    }
    return declaration;
  }

  public Suite {
    candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
  }
}
