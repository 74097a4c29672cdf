package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An absolute budget: blocks when the candidate's single-example latency at {@code percentile}
 * is above {@code maxMs} milliseconds. Production answers are typically due within 100 ms.
 *
 * <pre>
 * - rule: max-latency
 *   percentile: 95
 *   maxMs: 100
 * </pre>
 */
public record MaxLatencyRule(Integer percentile, Double maxMs) implements GateRule {
  public static final String ID = "max-latency";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Concern concern() {
    return Concern.LATENCY;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    LatencyPercentile.require(percentile, location);
    Thresholds.requireNonNegative(maxMs, "maxMs", location);
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return List.of(LatencyPercentile.subject(percentile));
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    if (comparison.latency().isEmpty()) {
      return LatencyPercentile.notMeasured(ID, percentile, maxMs);
    }
    var latency = comparison.latency().get();
    double measured = latency.candidate().percentileMs(percentile);
    boolean passed = measured <= maxMs;
    String message = String.format(Locale.ROOT,
        "candidate p%d latency is %.2f ms (deployed %.2f ms, n = %d single-example calls), %s the budget %.2f ms",
        percentile, measured, latency.deployed().percentileMs(percentile), latency.candidate().n(),
        passed ? "within" : "above", maxMs);
    return List.of(new RuleCheck(ID, LatencyPercentile.subject(percentile), passed, OptionalDouble.of(measured), maxMs, message, List.of()));
  }
}
