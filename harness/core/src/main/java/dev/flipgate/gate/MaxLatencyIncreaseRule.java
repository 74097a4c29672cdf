package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.latency.PercentileRatio;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A regression against the deployed model: blocks when the candidate is slower at
 * {@code percentile} by more than {@code maxIncrease} (0.25 = 25% slower) <em>beyond noise</em>:
 * the lower bound of the paired bootstrap interval of {@code candidate pXX / deployed pXX} (at the
 * suite's evidence level) must exceed {@code 1 + maxIncrease}. Noise alone does not block.
 *
 * <pre>
 * - rule: max-latency-increase
 *   percentile: 95
 *   maxIncrease: 0.25
 * </pre>
 */
public record MaxLatencyIncreaseRule(Integer percentile, Double maxIncrease) implements GateRule {
  public static final String ID = "max-latency-increase";

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
    Thresholds.requireNonNegative(maxIncrease, "maxIncrease", location);
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return List.of(LatencyPercentile.subject(percentile));
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    if (comparison.latency().isEmpty()) {
      return LatencyPercentile.notMeasured(ID, percentile, maxIncrease);
    }
    var latency = comparison.latency().get();
    var evidence = comparison.evidence();
    var ratio = PercentileRatio.of(latency.deployedMicros(), latency.candidateMicros(), percentile, evidence.level(),
        evidence.resamples(), evidence.seed());
    double increase = ratio.lower() - 1;
    boolean passed = increase <= maxIncrease;
    String message = String.format(Locale.ROOT,
        "candidate p%d latency is %.2f× the deployed model's (%.0f%% interval %.2f× to %.2f×, paired bootstrap over"
            + " n = %d examples); %s the maximum increase %.0f%%",
        percentile, ratio.estimate(), evidence.level() * 100, ratio.lower(), ratio.upper(), latency.candidate().n(),
        passed ? "not confidently above" : "confidently above", maxIncrease * 100);
    return List.of(new RuleCheck(ID, LatencyPercentile.subject(percentile), passed, OptionalDouble.of(increase), maxIncrease, message, List.of()));
  }
}
