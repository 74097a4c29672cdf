package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Binned class scores — what partitions of a golden set too large for one machine reduce — against
 * the exact score metrics of the local engine on the same examples: log loss, Brier score and
 * calibration error equal; ROC AUC and average precision equal when each bin holds one score, and
 * otherwise within the error bound the bins state, which is not vacuous; partitions merge to the
 * whole.
 */
class BinnedScoresTest {
  private static final SliceMetric[] CURVES = {SliceMetric.MACRO_ROC_AUC, SliceMetric.MEAN_AVERAGE_PRECISION};

  @Test
  void whenEveryBinHoldsOneScoreEveryMetricIsTheExactOne() {
    // Scores on a grid of 1/64: each falls exactly into its own of 1,024 bins.
    var data = new Scored(5_000, 4, 64, 1);

    Map<SliceMetric, Double> binned = data.binned(1_024, -1).values(-1);
    Map<SliceMetric, Double> exact = data.exact(-1);

    assertThat(binned.keySet()).isEqualTo(exact.keySet());
    exact.forEach((metric, value) -> assertThat(binned.get(metric)).as(metric.id()).isCloseTo(value, within(1e-12)));
  }

  @Test
  void coarseBinsStayWithinTheirStatedBound() {
    var data = new Scored(5_000, 3, 0, 2);
    BinnedScores scores = data.binned(20, -1);

    Map<SliceMetric, Double> binned = scores.values(-1);
    Map<SliceMetric, Double> bounds = scores.errorBounds(-1);
    Map<SliceMetric, Double> exact = data.exact(-1);

    for (SliceMetric metric : CURVES) {
      double error = Math.abs(binned.get(metric) - exact.get(metric));
      assertThat(error).as(metric.id()).isLessThanOrEqualTo(bounds.get(metric) + 1e-12);
      assertThat(bounds.get(metric)).as(metric.id() + ": a bound that says something").isLessThan(0.2);
    }
    assertThat(Math.abs(binned.get(SliceMetric.MACRO_ROC_AUC) - exact.get(SliceMetric.MACRO_ROC_AUC)))
        .as("20 bins do change the curve").isGreaterThan(1e-6);
    for (SliceMetric metric : new SliceMetric[] {SliceMetric.LOG_LOSS, SliceMetric.BRIER_SCORE,
        SliceMetric.EXPECTED_CALIBRATION_ERROR}) {
      assertThat(binned.get(metric)).as(metric.id()).isCloseTo(exact.get(metric), within(1e-12));
      assertThat(bounds.get(metric)).isZero();
    }
  }

  @Test
  void aBinaryTasksPositiveClassHasItsOwnCurves() {
    var data = new Scored(3_000, 2, 0, 3);
    BinnedScores scores = data.binned(4_096, 1);

    Map<SliceMetric, Double> binned = scores.values(1);
    Map<SliceMetric, Double> exact = data.exact(1);

    for (SliceMetric metric : new SliceMetric[] {SliceMetric.ROC_AUC, SliceMetric.AVERAGE_PRECISION,
        SliceMetric.BRIER_SCORE}) {
      assertThat(Math.abs(binned.get(metric) - exact.get(metric))).as(metric.id())
          .isLessThanOrEqualTo(scores.errorBounds(1).get(metric) + 1e-12);
    }
    assertThat(binned.get(SliceMetric.BRIER_SCORE)).isCloseTo(exact.get(SliceMetric.BRIER_SCORE), within(1e-12));
  }

  @Test
  void partitionsMergeToTheWhole() {
    var data = new Scored(4_000, 3, 0, 4);
    BinnedScores whole = data.binned(50, -1);
    BinnedScores first = new BinnedScores(3, 50);
    BinnedScores second = new BinnedScores(3, 50);
    for (int i = 0; i < data.label.length; i++) {
      (i % 3 == 0 ? first : second).add(data.rows[i], data.label[i], data.answer[i], -1);
    }

    BinnedScores merged = first.plus(second);

    assertThat(merged.examples()).isEqualTo(whole.examples()).isEqualTo(4_000);
    whole.values(-1).forEach((metric, value) ->
        assertThat(merged.values(-1).get(metric)).as(metric.id()).isCloseTo(value, within(1e-12)));
    assertThatThrownBy(() -> whole.plus(new BinnedScores(3, 51))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBoundsAreReachedByTheWorstOrderingWithinABin() {
    // One positive above four negatives, all in one bin: exactly ROC AUC 1 and average precision 1;
    // binned, each bin is one tied score (0.5 and 1/5): the errors are exactly the stated bounds.
    BinnedScores scores = new BinnedScores(2, 10);
    scores.add(new double[] {0.05, 0.95}, 1, 1, 1);
    for (double p : new double[] {0.91, 0.92, 0.93, 0.94}) {
      scores.add(new double[] {1 - p, p}, 0, 1, 1);
    }

    Map<SliceMetric, Double> values = scores.values(1);
    Map<SliceMetric, Double> bounds = scores.errorBounds(1);

    assertThat(values.get(SliceMetric.ROC_AUC)).isCloseTo(0.5, within(1e-15));
    assertThat(bounds.get(SliceMetric.ROC_AUC)).isCloseTo(1 - 0.5, within(1e-15));
    assertThat(values.get(SliceMetric.AVERAGE_PRECISION)).isCloseTo(0.2, within(1e-15));
    assertThat(bounds.get(SliceMetric.AVERAGE_PRECISION)).isCloseTo(1 - 0.2, within(1e-15));
    assertThat(scores.examples()).isEqualTo(5);
  }

  @Test
  void scoresOfExactlyZeroAndOneFallInTheEndBins() {
    BinnedScores scores = new BinnedScores(2, 2);
    scores.add(new double[] {1, 0}, 0, 0, -1);
    scores.add(new double[] {0, 1}, 1, 1, -1);

    assertThat(scores.values(-1).get(SliceMetric.MACRO_ROC_AUC)).isEqualTo(1.0);
    assertThat(scores.errorBounds(-1).get(SliceMetric.MACRO_ROC_AUC)).isZero();
    assertThatThrownBy(() -> new BinnedScores(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BinnedScores(1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSliceOfOneClassHasNoRocAucButAnAveragePrecision() {
    BinnedScores scores = new BinnedScores(3, 10);
    scores.add(new double[] {0.7, 0.2, 0.1}, 0, 0, -1);
    scores.add(new double[] {0.4, 0.5, 0.1}, 0, 1, -1);

    Map<SliceMetric, Double> values = scores.values(-1);

    assertThat(values).doesNotContainKey(SliceMetric.MACRO_ROC_AUC).containsKey(SliceMetric.MEAN_AVERAGE_PRECISION);
    assertThat(values.get(SliceMetric.MEAN_AVERAGE_PRECISION)).isEqualTo(1.0);
  }

  @Test
  void aSliceWithoutExamplesHasNoScoreMetrics() {
    assertThat(new BinnedScores(3, 10).values(-1)).isEmpty();
  }

  /** Generated examples: labels, probabilities whose largest is the answer, on a grid of 1/{@code grid} or continuous. */
  private static final class Scored {
    final int[] label;
    final int[] answer;
    final double[][] rows;
    final int classes;

    Scored(int n, int classes, int grid, long seed) {
      this.classes = classes;
      var random = new Random(seed);
      label = new int[n];
      answer = new int[n];
      rows = new double[n][];
      for (int i = 0; i < n; i++) {
        label[i] = random.nextInt(classes);
        double[] p = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          p[c] = random.nextDouble() + (c == label[i] ? 0.6 : 0);
          sum += p[c];
        }
        double left = 1;
        for (int c = 0; c < classes; c++) {
          p[c] = grid > 0 ? Math.floor(p[c] / sum * grid) / grid : p[c] / sum;
          left -= p[c];
        }
        p[label[i]] += left; // still on the grid: 1 minus grid values
        rows[i] = p;
        int best = 0;
        for (int c = 1; c < classes; c++) {
          best = p[c] > p[best] ? c : best;
        }
        answer[i] = best;
      }
    }

    BinnedScores binned(int bins, int positive) {
      BinnedScores scores = new BinnedScores(classes, bins);
      for (int i = 0; i < label.length; i++) {
        scores.add(rows[i], label[i], answer[i], positive);
      }
      return scores;
    }

    Map<SliceMetric, Double> exact(int positive) {
      return new ScoreMetrics(classes, positive, label, answer, rows).values();
    }
  }
}
