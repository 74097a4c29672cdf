package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.Power;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * When a check is too small for its threshold: from its interval, and for rates never below what
 * the threshold's own variance implies. An interval of [−0.1, 0.1] at 95% with 80% power reveals
 * (1.95996 + 0.84162) · 0.1 / 1.95996 = 0.142941 at the least.
 */
class UnderpoweringTest {
  private static final Interval TENTH = new Interval(-0.1, 0.1, 0.95, "test");
  private static final Interval POINT = new Interval(0, 0, 0.95, "collapsed");

  @Test
  void sayingWhyInTheMetricsUnits() {
    assertThat(Underpowering.of(Optional.of(TENTH), 0.05, 0.8, "accuracy", 400, true)).hasValue(
        "with n = 400 the smallest change in accuracy detectable at 80% power is 14.294 pp, more than the threshold 5.000 pp");
    assertThat(Underpowering.of(Optional.of(TENTH), 0.05, 0.8, "logLoss", 400, false)).hasValue(
        "with n = 400 the smallest change in logLoss detectable at 80% power is 0.1429, more than the threshold 0.05000");
  }

  @Test
  void aThresholdOfExactlyTheDetectableChangeIsEnough() {
    double detectable = Power.minimumDetectable(TENTH, 0.8);

    assertThat(Underpowering.of(Optional.of(TENTH), detectable, 0.8, "logLoss", 400, false)).isEmpty();
    assertThat(Underpowering.of(Optional.of(TENTH), Math.nextDown(detectable), 0.8, "logLoss", 400, false)).isPresent();
  }

  @Test
  void noIntervalIsUnderpoweredAndSaysSo() {
    assertThat(Underpowering.of(Optional.empty(), 0.05, 0.8, "macroF1", 7, true))
        .hasValue("no interval could be computed for macroF1 (n = 7)");
  }

  @Nested
  class ForRatesTheThresholdsOwnVarianceCounts {
    @Test
    void aCollapsedIntervalOnASmallSliceIsStillUnderpowered() {
      // 2.8016 · √(0.05 · 0.95 / 30) = 0.1115 > 0.05, however narrow the interval looked.
      assertThat(Underpowering.of(Optional.of(POINT), 0.05, 0.8, "accuracy", 30, true)).hasValueSatisfying(why ->
          assertThat(why).contains("with n = 30", "is 11.148 pp"));
    }

    @Test
    void butNotForAMeasureThatIsNotARate() {
      assertThat(Underpowering.of(Optional.of(POINT), 0.05, 0.8, "logLoss", 30, false)).isEmpty();
    }

    @Test
    void aLargeEnoughSliceRevealsTheThreshold() {
      // 2.8016 · √(0.05 · 0.95 / 2000) = 0.0137 < 0.05.
      assertThat(Underpowering.of(Optional.of(POINT), 0.05, 0.8, "accuracy", 2_000, true)).isEmpty();
    }

    @Test
    void aCheckOverNoExamplesHasNoVarianceToImply() {
      assertThat(Underpowering.of(Optional.of(POINT), 0.05, 0.8, "accuracy", 0, true)).isEmpty();
    }

    @Test
    void aThresholdOfZeroOrOneHasNoVarianceToImply() {
      assertThat(Underpowering.of(Optional.of(POINT), 0.0, 0.8, "accuracy", 30, true)).isEmpty();
      assertThat(Underpowering.of(Optional.of(POINT), 1.0, 0.8, "accuracy", 30, true)).isEmpty();
    }
  }
}
