package dev.flipgate.latency;

import java.util.List;

/**
 * Both models' single-example latency on the same examples, measured interleaved, with the raw
 * samples (microseconds, {@code deployedMicros[i]} and {@code candidateMicros[i]} on example
 * {@code exampleIds[i]}) so a difference can be judged with a paired bootstrap.
 */
public record LatencyComparison(
    LatencySettings settings, List<String> exampleIds, long[] deployedMicros, long[] candidateMicros,
    LatencySummary deployed, LatencySummary candidate) {

  public LatencyComparison {
    exampleIds = List.copyOf(exampleIds);
    deployedMicros = deployedMicros.clone();
    candidateMicros = candidateMicros.clone();
    if (deployedMicros.length != candidateMicros.length || deployedMicros.length != exampleIds.size()) {
      throw new IllegalArgumentException("latency samples must be paired, one per example for each model");
    }
  }

  public static LatencyComparison of(LatencySettings settings, List<String> exampleIds, long[] deployedMicros,
      long[] candidateMicros, double deployedThroughput, double candidateThroughput) {
    return new LatencyComparison(settings, exampleIds, deployedMicros, candidateMicros,
        LatencySummary.of(deployedMicros, deployedThroughput), LatencySummary.of(candidateMicros, candidateThroughput));
  }
}
