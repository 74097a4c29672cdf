package dev.flipgate.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PoissonBootstrapTest {
  /** Cells of a 2×2 flip table: both right, negative flip, positive flip, both wrong. */
  private static final ToDoubleFunction<double[]> ACCURACY_DELTA =
      c -> ((c[0] + c[2]) - (c[0] + c[1])) / (c[0] + c[1] + c[2] + c[3]);

  @Test
  void isReproducibleForTheSameSeedAndStream() {
    long[] counts = {900, 30, 50, 20};
    var bootstrap = new PoissonBootstrap(42, 1000, 0.95);

    assertThat(bootstrap.interval(counts, ACCURACY_DELTA, "all/accuracy"))
        .isEqualTo(bootstrap.interval(counts, ACCURACY_DELTA, "all/accuracy"))
        .isNotEqualTo(bootstrap.interval(counts, ACCURACY_DELTA, "digit-6/accuracy"));
  }

  @Test
  void narrowsAsTheSliceGrows() {
    var bootstrap = new PoissonBootstrap(7, 1000, 0.95);
    Interval small = bootstrap.interval(new long[] {90, 3, 5, 2}, ACCURACY_DELTA, "s");
    Interval large = bootstrap.interval(new long[] {9000, 300, 500, 200}, ACCURACY_DELTA, "s");

    assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
    assertThat(large.contains(0.02)).isTrue();
  }

  /**
   * The property that makes the interval worth gating on: over many simulated golden sets drawn
   * from a known population, the 95% interval covers the true accuracy delta about 95% of the
   * time. 400 draws with a fixed seed; a binomial 99.9% band around 0.95 is about ±0.036, and the
   * percentile bootstrap is known to run slightly narrow, so the accepted band is [0.90, 0.985].
   */
  @Test
  void coversTheTrueDeltaAboutNinetyFivePercentOfTheTime() {
    double[] population = {0.88, 0.04, 0.06, 0.02};
    double trueDelta = population[2] - population[1];
    var random = new SplittableRandom(20261127);
    int draws = 400;
    int n = 600;
    int covered = 0;
    for (int draw = 0; draw < draws; draw++) {
      long[] counts = new long[4];
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        int cell = u < population[0] ? 0 : u < population[0] + population[1] ? 1 : u < 1 - population[3] ? 2 : 3;
        counts[cell]++;
      }
      Interval interval = new PoissonBootstrap(draw, 1000, 0.95).interval(counts, ACCURACY_DELTA, "coverage");
      covered += interval.contains(trueDelta) ? 1 : 0;
    }

    System.out.printf("bootstrap 95%% interval covered the true delta in %d of %d simulated golden sets%n", covered, draws);
    assertThat(covered / (double) draws).isBetween(0.90, 0.985);
  }
}
