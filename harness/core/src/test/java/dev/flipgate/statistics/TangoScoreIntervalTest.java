package dev.flipgate.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tango's score interval for a paired change in accuracy: equal to the reference implementation
 * (R's ratesci::pairbinci, fixture made by tools/reference/paired_interval_fixtures.R), covering
 * the true change about as often as its level says on simulated slices of 10 to 1,000 examples,
 * and honest about small slices without flips.
 */
class TangoScoreIntervalTest {

  static Stream<Arguments> reference() throws IOException {
    JsonNode fixture = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/paired-intervals.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reference")
  void agreesWithRatesciPairbinci(JsonNode c) {
    Interval interval = TangoScoreInterval.interval(c.path("gained").asLong(), c.path("lost").asLong(), c.path("n").asLong(),
        c.path("level").asDouble());

    // ratesci bisects to 1e-11 of the range; both are far finer than any reported digit.
    assertThat(interval.low()).isCloseTo(c.path("lower").asDouble(), within(1e-7));
    assertThat(interval.high()).isCloseTo(c.path("upper").asDouble(), within(1e-7));
    assertThat(interval.method()).isEqualTo(TangoScoreInterval.NAME);
  }

  @Nested
  class OnSlicesWithoutFlips {
    @Test
    void theIntervalReflectsTheSlicesSizeInsteadOfCollapsingToZero() {
      Interval thirty = TangoScoreInterval.interval(0, 0, 30, 0.95);
      Interval thousand = TangoScoreInterval.interval(0, 0, 1_000, 0.95);

      assertThat(thirty.low()).isLessThan(-0.10);
      assertThat(thirty.high()).isGreaterThan(0.10);
      assertThat(thousand.high() - thousand.low()).isLessThan((thirty.high() - thirty.low()) / 10);
      assertThat(thousand.low()).isLessThan(0);
    }

    @Test
    void isSymmetricAboutNoChange() {
      Interval interval = TangoScoreInterval.interval(0, 0, 50, 0.9);

      assertThat(interval.low()).isCloseTo(-interval.high(), within(1e-12));
    }
  }

  @Test
  void swappingTheModelsNegatesTheInterval() {
    Interval forward = TangoScoreInterval.interval(9, 4, 200, 0.95);
    Interval backward = TangoScoreInterval.interval(4, 9, 200, 0.95);

    assertThat(backward.low()).isCloseTo(-forward.high(), within(1e-12));
    assertThat(backward.high()).isCloseTo(-forward.low(), within(1e-12));
  }

  @Test
  void refusesCountsThatCannotBeAPairedTable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TangoScoreInterval.interval(6, 5, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gained 6, lost 5, n 10");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TangoScoreInterval.interval(0, 0, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Seeded simulation: slices of n examples where each is gained with probability pGained and lost
   * with probability pLost; the interval must cover the true change pGained − pLost in at least
   * 93% of 4,000 slices at level 95% (score intervals hover around their level; a bootstrap over
   * cells collapses to [0, 0] whenever no flip is drawn, covering nothing but zero).
   */
  @ParameterizedTest(name = "n = {0}, gained {1}, lost {2}")
  @CsvSource({
    "10, 0.005, 0.005", "10, 0.10, 0.02", "10, 0.20, 0.20",
    "30, 0.005, 0.005", "30, 0.05, 0.01", "30, 0.01, 0.08",
    "100, 0.002, 0.01", "100, 0.03, 0.03", "100, 0.15, 0.05",
    "300, 0.001, 0.004", "300, 0.02, 0.01",
    "1000, 0.0005, 0.002", "1000, 0.01, 0.005", "1000, 0.05, 0.06"})
  void coversTheTrueChangeAboutAsOftenAsItsLevelSays(int n, double pGained, double pLost) {
    UniformRandomProvider random = RandomSource.SPLIT_MIX_64.create(20261130L + n);
    double truth = pGained - pLost;
    int slices = 4_000;
    int covered = 0;
    for (int s = 0; s < slices; s++) {
      int gained = 0;
      int lost = 0;
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        if (u < pGained) {
          gained++;
        } else if (u < pGained + pLost) {
          lost++;
        }
      }
      if (TangoScoreInterval.interval(gained, lost, n, 0.95).contains(truth)) {
        covered++;
      }
    }
    assertThat(covered / (double) slices).as("coverage").isGreaterThanOrEqualTo(0.93);
  }
}
