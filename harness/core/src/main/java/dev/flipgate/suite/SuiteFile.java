package dev.flipgate.suite;

import dev.flipgate.gate.GateRule;
import dev.flipgate.model.ModelDeclaration;
import java.util.List;
import java.util.Map;

/** A suite file as written ({@code suite.yaml}); {@link SuiteReader} validates it into a {@link Suite}. */
public record SuiteFile(
    String name,
    String description,
    String goldenSet,
    Long seed,
    ModelDeclaration deployed,
    Map<String, ModelDeclaration> candidates,
    String defaultCandidate,
    EvidenceDeclaration evidence,
    LatencyDeclaration latency,
    PolicyDeclaration policy,
    String ledger,
    dev.flipgate.perturbation.PerturbationsDeclaration perturbations,
    List<dev.flipgate.attack.AttackDeclaration> attacks) {

  /** Optional: warm-up calls and single-example samples of the latency measurement. */
  public record LatencyDeclaration(Integer warmup, Integer samples) {}

  /** Optional: the confidence level of intervals and the number of bootstrap resamples. */
  /** {@code scoreBins}: how many bins class scores fall into on an engine that cannot hold them all (Spark). */
  public record EvidenceDeclaration(Double level, Integer resamples, Double power, Integer scoreBins) {}

  /** {@code signConvention} is documentation for the reader; the rules' convention is fixed. */
  public record PolicyDeclaration(String signConvention, String underpowered, List<GateRule> rules) {}
}
