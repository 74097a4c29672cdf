package dev.flipgate.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The domains of the statistics — what each accepts at its edges and refuses beyond them. */
class StatisticsBoundariesTest {

  @Nested
  class ClopperPearsonDomain {
    @Test
    void allSuccessesAndNoSuccessesAreProportions() {
      assertThat(ClopperPearson.interval(10, 10, 0.95).high()).isEqualTo(1.0);
      assertThat(ClopperPearson.interval(0, 10, 0.95).low()).isEqualTo(0.0);
      assertThat(ClopperPearson.upperBound(10, 10, 0.95)).isEqualTo(1.0);
    }

    @Test
    void refusesCountsThatAreNotAProportion() {
      assertThatThrownBy(() -> ClopperPearson.interval(11, 10, 0.95)).hasMessageContaining("got 11 of 10");
      assertThatThrownBy(() -> ClopperPearson.interval(-1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ClopperPearson.interval(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ClopperPearson.upperBound(11, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void refusesALevelThatIsNotAProbability(double level) {
      assertThatThrownBy(() -> ClopperPearson.interval(3, 10, level)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUpperBoundAtCertaintyOrBelowAHalf() {
      assertThatThrownBy(() -> ClopperPearson.upperBound(3, 10, 1.0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ClopperPearson.upperBound(3, 10, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Intervals {
    @Test
    void aPointIsAnIntervalThatContainsItsEnds() {
      Interval point = new Interval(0.2, 0.2, 0.95, "m");
      Interval span = new Interval(-0.1, 0.3, 0.95, "m");

      assertThat(point.contains(0.2)).isTrue();
      assertThat(span.contains(-0.1)).isTrue();
      assertThat(span.contains(0.3)).isTrue();
      assertThat(span.contains(Math.nextUp(0.3))).isFalse();
      assertThat(span.contains(Math.nextDown(-0.1))).isFalse();
    }

    @Test
    void refusesReversedEndsAndLevelsThatAreNotProbabilities() {
      assertThatThrownBy(() -> new Interval(0.3, 0.2, 0.95, "m")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Interval(0, 1, 0.0, "m")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Interval(0, 1, 1.0, "m")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Bootstrap {
    @Test
    void needsAHundredResamplesAndALevelBetweenZeroAndOne() {
      assertThatCode(() -> new PoissonBootstrap(1, 100, 0.95)).doesNotThrowAnyException();
      assertThat(new PoissonBootstrap(1, 100, 0.95).resamples()).isEqualTo(100);
      assertThatThrownBy(() -> new PoissonBootstrap(1, 99, 0.95)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PoissonBootstrap(1, 1000, 0.0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PoissonBootstrap(1, 1000, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAsNumpyDoes() {
      double[] sorted = {1, 2, 3, 4, 10};

      // numpy.quantile([1, 2, 3, 4, 10], [0, 0.125, 0.5, 0.9, 1]) = [1, 1.5, 3, 7.6, 10]
      assertThat(PoissonBootstrap.quantile(sorted, 0)).isEqualTo(1);
      assertThat(PoissonBootstrap.quantile(sorted, 0.125)).isCloseTo(1.5, within(1e-12));
      assertThat(PoissonBootstrap.quantile(sorted, 0.5)).isEqualTo(3);
      assertThat(PoissonBootstrap.quantile(sorted, 0.9)).isCloseTo(7.6, within(1e-12));
      assertThat(PoissonBootstrap.quantile(sorted, 1)).isEqualTo(10);
      assertThat(PoissonBootstrap.quantile(new double[] {5}, 0.975)).isEqualTo(5);
    }
  }

  @Nested
  class PowerDomain {
    @ParameterizedTest(name = "power {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void refusesAPowerThatIsNotAProbability(double power) {
      assertThatThrownBy(() -> Power.minimumDetectable(new Interval(-0.1, 0.1, 0.95, "m"), power))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateChangeNeedsAThresholdStrictlyBetweenZeroAndOneAndExamples() {
      assertThatThrownBy(() -> Power.minimumDetectableRateChange(0.0, 30, 0.95, 0.8)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Power.minimumDetectableRateChange(1.0, 30, 0.95, 0.8)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Power.minimumDetectableRateChange(0.05, 0, 0.95, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateChangeIsTheSumOfTheQuantilesTimesTheThresholdsStandardError() {
      // (1.959964 + 0.841621) · √(0.05 · 0.95 / 30) = 0.111478
      assertThat(Power.minimumDetectableRateChange(0.05, 30, 0.95, 0.8)).isCloseTo(0.1114782, within(1e-6));
      // (1.644854 + 1.281552) · √(0.2 · 0.8 / 100) = 0.117056
      assertThat(Power.minimumDetectableRateChange(0.2, 100, 0.90, 0.9)).isCloseTo(0.117056, within(1e-6));
    }
  }

  @Nested
  class TangoDomain {
    @ParameterizedTest(name = "level {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void refusesALevelThatIsNotAProbability(double level) {
      assertThatThrownBy(() -> TangoScoreInterval.interval(1, 2, 10, level)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a level in (0, 1)");
    }

    @Test
    void refusesNegativeCounts() {
      assertThatThrownBy(() -> TangoScoreInterval.interval(-1, 2, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> TangoScoreInterval.interval(1, -2, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
