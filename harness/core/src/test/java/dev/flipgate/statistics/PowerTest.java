package dev.flipgate.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerTest {

  @Test
  void theMinimumDetectableDifferenceIsTheStandardErrorTimesTheSumOfTheQuantiles() {
    // A 95% interval of half-width 1.959963984540054 has a standard error of exactly 1;
    // z(0.975) + z(0.80) = 1.959963984540054 + 0.8416212335729143 (scipy.stats.norm.ppf).
    var interval = new Interval(-1.959963984540054, 1.959963984540054, 0.95, "test");

    assertThat(Power.minimumDetectable(interval, 0.8)).isCloseTo(2.8015852181129683, within(1e-12));
  }

  @Test
  void morePowerNeedsALargerDifference() {
    var interval = new Interval(0.01, 0.03, 0.95, "test");

    assertThat(Power.minimumDetectable(interval, 0.9)).isGreaterThan(Power.minimumDetectable(interval, 0.8));
  }
}
