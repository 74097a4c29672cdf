package dev.flipgate.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Latency statistics against NumPy and SciPy (tools/reference/latency_fixtures.py): 300 paired
 * log-normal latencies, the candidate about 30% slower.
 */
class LatencyReferenceTest {
  private static JsonNode reference;
  private static long[] deployed;
  private static long[] candidate;

  @BeforeAll
  static void readFixture() throws IOException {
    reference = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/latency.json").toFile());
    deployed = new ObjectMapper().convertValue(reference.get("deployedMicros"), long[].class);
    candidate = new ObjectMapper().convertValue(reference.get("candidateMicros"), long[].class);
  }

  @Test
  void percentilesAgreeWithNumpysNearestRankWithinTheHistogramsPrecision() {
    var summary = LatencySummary.of(deployed, 0);
    JsonNode numpy = reference.at("/percentiles/deployed");
    // HdrHistogram keeps 3 significant digits: values within 0.1% of the exact sample.
    assertThat(summary.p50Ms() * 1000).isCloseTo(numpy.get("50").asDouble(), Percentage.withPercentage(0.1));
    assertThat(summary.p95Ms() * 1000).isCloseTo(numpy.get("95").asDouble(), Percentage.withPercentage(0.1));
    assertThat(summary.p99Ms() * 1000).isCloseTo(numpy.get("99").asDouble(), Percentage.withPercentage(0.1));
    assertThat(summary.maxMs() * 1000).isCloseTo(reference.at("/max/deployed").asDouble(), Percentage.withPercentage(0.1));
    assertThat(summary.n()).isEqualTo(300);
  }

  @Test
  void theExactNearestRankIsNumpysInvertedCdf() {
    assertThat((double) PercentileRatio.nearestRank(candidate.clone(), 95)).isEqualTo(reference.at("/percentiles/candidate/95").asDouble());
    assertThat((double) PercentileRatio.nearestRank(candidate.clone(), 50)).isEqualTo(reference.at("/percentiles/candidate/50").asDouble());
  }

  @Test
  void thePairedBootstrapIntervalOfTheP95RatioAgreesWithScipy() {
    var ratio = PercentileRatio.of(deployed, candidate, 95, 0.95, 20_000, 11);

    JsonNode scipy = reference.get("p95Ratio");
    assertThat(ratio.estimate()).isCloseTo(scipy.get("estimate").asDouble(), within(1e-12));
    // Different random streams: the bounds agree to Monte Carlo error, well under 1.5%.
    assertThat(ratio.lower()).isCloseTo(scipy.get("low").asDouble(), Percentage.withPercentage(1.5));
    assertThat(ratio.upper()).isCloseTo(scipy.get("high").asDouble(), Percentage.withPercentage(1.5));
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    assertThat(PercentileRatio.of(deployed, candidate, 95, 0.95, 1000, 3))
        .isEqualTo(PercentileRatio.of(deployed, candidate, 95, 0.95, 1000, 3));
  }
}
