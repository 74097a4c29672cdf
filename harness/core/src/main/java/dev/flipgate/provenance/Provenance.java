package dev.flipgate.provenance;

import dev.flipgate.model.ModelIdentity;
import java.time.Instant;

/**
 * Where a result came from: the harness, the seed, when it ran, the golden set and both models
 * by content hash. Enough to reproduce the run or to tell that an input changed.
 */
public record Provenance(
    String runId,
    String harnessVersion,
    long seed,
    Instant startedAt,
    Instant finishedAt,
    String suite,
    String suiteSha256,
    GoldenSetIdentity goldenSet,
    ModelIdentity deployed,
    ModelIdentity candidate,
    String javaVersion) {

  public record GoldenSetIdentity(String name, String version, String sha256, int examples, int adversarialExamples) {}
}
