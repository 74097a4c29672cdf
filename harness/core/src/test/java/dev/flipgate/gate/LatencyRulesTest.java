package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.latency.LatencyComparison;
import dev.flipgate.latency.LatencySettings;
import dev.flipgate.model.Prediction;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency rules on measured latencies: 400 paired samples of a log-normal around 2 ms, the
 * candidate's drawn from the same distribution (noise only) or scaled (a real slowdown).
 */
class LatencyRulesTest {
  @TempDir Path directory;
  private GoldenSet goldenSet;
  private Path suiteFile;
  private Comparison answersOnly;

  @BeforeEach
  void compareTheTinyGoldenSet() {
    suiteFile = new TinyGoldenSet().writeTo(directory);
    goldenSet = GoldenSetLoader.load(directory);
    Map<String, Prediction> same = Map.of("e1", Prediction.of("cat"), "e2", Prediction.of("dog"), "e3", Prediction.of("cat"),
        "e4", Prediction.of("dog"), "e1~nudge", Prediction.of("cat"));
    answersOnly = ComparisonCalculator.compare(goldenSet, same, same, new EvidenceSettings(0.95, 1000, 5));
  }

  private Comparison measured(double candidateSlowdown, long seed) {
    var random = new SplittableRandom(seed);
    int n = 400;
    long[] deployed = new long[n];
    long[] candidate = new long[n];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      deployed[i] = Math.round(2000 * Math.exp(0.3 * gaussian(random)));
      candidate[i] = Math.round(candidateSlowdown * 2000 * Math.exp(0.3 * gaussian(random)));
      ids.add("e" + i);
    }
    return answersOnly.withLatency(LatencyComparison.of(new LatencySettings(10, n), ids, deployed, candidate, 500, 400));
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private RuleCheck check(GateRule rule, Comparison comparison) {
    rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));
    List<RuleCheck> checks = rule.check(comparison);
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).subject()).isEqualTo(rule.subjects(goldenSet).get(0));
    return checks.get(0);
  }

  @Nested
  class MaxLatency {
    @Test
    void blocksWhenTheCandidatesPercentileIsAboveTheBudget() {
      Comparison comparison = measured(1.0, 1);
      double p95 = comparison.latency().orElseThrow().candidate().p95Ms();

      RuleCheck over = check(new MaxLatencyRule(95, p95 - 0.01), comparison);
      RuleCheck within = check(new MaxLatencyRule(95, p95), comparison);

      assertThat(over.passed()).isFalse();
      assertThat(over.message()).startsWith("candidate p95 latency is").contains("above the budget");
      assertThat(within.passed()).isTrue();
      assertThat(over.measured()).hasValue(p95);
    }

    @Test
    void failsClosedWhenLatencyWasNotMeasured() {
      RuleCheck check = check(new MaxLatencyRule(95, 100.0), answersOnly);

      assertThat(check.passed()).isFalse();
      assertThat(check.measured()).isEmpty();
      assertThat(check.message()).contains("latency was not measured", "fails closed");
    }

    @Test
    void refusesAPercentileThatIsNotReported() {
      assertThatThrownBy(() -> new MaxLatencyRule(90, 100.0).validate(goldenSet, new RuleLocation(suiteFile, 0, MaxLatencyRule.ID)))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("percentile: 50, 95 or 99");
    }
  }

  @Nested
  class MaxLatencyIncrease {
    @Test
    void noiseAloneDoesNotBlockOnAnyOfTwentyDraws() {
      for (long seed = 1; seed <= 20; seed++) {
        assertThat(check(new MaxLatencyIncreaseRule(95, 0.10), measured(1.0, seed)).passed()).as("draw " + seed).isTrue();
      }
    }

    @Test
    void aCandidateTwiceAsSlowBlocksWithItsInterval() {
      RuleCheck check = check(new MaxLatencyIncreaseRule(95, 0.25), measured(2.0, 3));

      assertThat(check.passed()).isFalse();
      assertThat(check.message()).contains("confidently above the maximum increase 25%", "95% interval");
      assertThat(check.measured().getAsDouble()).isGreaterThan(0.25);
    }

    @Test
    void failsClosedWhenLatencyWasNotMeasured() {
      assertThat(check(new MaxLatencyIncreaseRule(95, 0.25), answersOnly).passed()).isFalse();
    }
  }
}
