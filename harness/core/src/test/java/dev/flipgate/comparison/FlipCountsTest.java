package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FlipCountsTest {

  /**
   * Yan et al., "Positive-Congruent Training", CVPR 2021: ResNet-18 → ResNet-50 on the 50,000
   * ImageNet validation images, error 30.24% → 25.85%, NFR 4.89%, relative NFR 27.12%. The 2×2
   * table below is the one those rates imply.
   */
  @Nested
  class OnThePublishedImageNetExample {
    private final long n = 50_000;
    private final long deployedWrong = Math.round(0.3024 * n);
    private final long candidateWrong = Math.round(0.2585 * n);
    private final long negative = Math.round(0.0489 * n);
    private final long bothRight = n - deployedWrong - negative;
    private final long bothWrong = candidateWrong - negative;
    private final long positive = n - bothRight - negative - bothWrong;
    private final FlipCounts counts = new FlipCounts(bothRight, negative, positive, bothWrong);

    @Test
    void reproducesTheErrorRatesAndNegativeFlipRate() {
      assertThat(1 - counts.deployedAccuracy().getAsDouble()).isCloseTo(0.3024, within(1e-12));
      assertThat(1 - counts.candidateAccuracy().getAsDouble()).isCloseTo(0.2585, within(1e-12));
      assertThat(counts.nfr().getAsDouble()).isCloseTo(0.0489, within(1e-12));
    }

    @Test
    void reproducesTheRelativeNegativeFlipRate() {
      double errorOld = 1 - counts.deployedAccuracy().getAsDouble();
      double errorNew = 1 - counts.candidateAccuracy().getAsDouble();
      double relativeNfr = counts.nfr().getAsDouble() / ((1 - errorOld) * errorNew);

      assertThat(relativeNfr).isCloseTo(0.2712, within(0.00005));
    }

    @Test
    void netAccuracyGainHidesTheNegativeFlips() {
      assertThat(counts.candidateAccuracy().getAsDouble()).isGreaterThan(counts.deployedAccuracy().getAsDouble());
    }
  }

  @Test
  void compatibilityScoresComeFromThePooledTable() {
    var counts = new FlipCounts(90, 4, 3, 6); // a, b, c, d

    assertThat(counts.n()).isEqualTo(103);
    assertThat(counts.pfr().getAsDouble()).isEqualTo(3 / 103.0);
    assertThat(counts.nfi().getAsDouble()).isEqualTo(4 / 10.0);
    assertThat(counts.btc().getAsDouble()).isEqualTo(90 / 94.0);
    assertThat(counts.bec().getAsDouble()).isEqualTo(6 / 10.0);
  }

  @Test
  void ratiosWithAZeroDenominatorAreUndefinedNotZero() {
    var perfect = new FlipCounts(10, 0, 0, 0);

    assertThat(perfect.nfi()).isEmpty();
    assertThat(perfect.bec()).isEmpty();
    assertThat(perfect.btc().getAsDouble()).isEqualTo(1.0);
    assertThat(new FlipCounts(0, 0, 0, 0).nfr()).isEmpty();
  }

  @Test
  void countsEachKindOfOutcome() {
    var counts = FlipCounts.of(List.of(FlipKind.NEGATIVE, FlipKind.NEGATIVE, FlipKind.POSITIVE, FlipKind.BOTH_WRONG,
        FlipKind.BOTH_RIGHT, FlipKind.BOTH_RIGHT, FlipKind.BOTH_RIGHT));

    assertThat(counts).isEqualTo(new FlipCounts(3, 2, 1, 1));
  }
}
