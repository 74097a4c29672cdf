package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import dev.flipgate.statistics.Interval;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's arithmetic at its edges: which evidence each metric gets, flips of numeric
 * answers at exactly the tolerance, the paired cells the bootstrap resamples, and the score
 * metrics' conventions (scikit-learn's row normalization, numpy's bin edges).
 */
class EvidenceArithmeticTest {
  private static final List<String> CLASSES = List.of("cat", "dog");
  private static final EvidenceSettings EVIDENCE = new EvidenceSettings(0.95, 200, 1);

  private static Prediction sure(String label, double p) {
    double cat = label.equals("cat") ? p : 1 - p;
    return Prediction.of(new ClassScores(CLASSES, new double[] {cat, 1 - cat}));
  }

  @Nested
  class EvidenceSettingsDomain {
    @Test
    void acceptsTheEdgesItAllows() {
      assertThatCode(() -> new EvidenceSettings(Math.nextUp(0.5), 100, 1, Math.nextUp(0.5))).doesNotThrowAnyException();
    }

    @Test
    void refusesLevelsAndPowersOutsideAHalfToOneAndTooFewResamples() {
      assertThatThrownBy(() -> new EvidenceSettings(0.5, 1000, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new EvidenceSettings(1.0, 1000, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new EvidenceSettings(0.95, 99, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new EvidenceSettings(0.95, 1000, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new EvidenceSettings(0.95, 1000, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class NumericFlips {
    @Test
    void anErrorGrowingByExactlyTheToleranceIsNoFlip() {
      assertThat(FlipKind.ofErrors(0.25, 0.75, 0.5)).isEqualTo(FlipKind.BOTH_RIGHT);
      assertThat(FlipKind.ofErrors(0.25, 0.8, 0.5)).isEqualTo(FlipKind.NEGATIVE);
      assertThat(FlipKind.ofErrors(0.75, 0.25, 0.5)).isEqualTo(FlipKind.BOTH_WRONG);
      assertThat(FlipKind.ofErrors(0.8, 0.25, 0.5)).isEqualTo(FlipKind.POSITIVE);
    }

    @Test
    void bothAreRightWhileTheDeployedErrorIsWithinTheTolerance() {
      assertThat(FlipKind.ofErrors(0.5, 0.5, 0.5)).isEqualTo(FlipKind.BOTH_RIGHT);
      assertThat(FlipKind.ofErrors(0.5001, 0.5001, 0.5)).isEqualTo(FlipKind.BOTH_WRONG);
    }

    @Test
    void kindsAreNamedAsResultJsonNamesThem() {
      assertThat(List.of(FlipKind.values())).extracting(FlipKind::id)
          .containsExactly("negative", "positive", "both-right", "both-wrong");
    }
  }

  @Nested
  class Metrics {
    @Test
    void sayWhereTheyComeFromAndHowTheyRead() {
      assertThat(SliceMetric.ACCURACY.source()).isEqualTo(SliceMetric.Source.ANSWERS);
      assertThat(SliceMetric.LOG_LOSS.source()).isEqualTo(SliceMetric.Source.SCORES);
      assertThat(SliceMetric.R2.source()).isEqualTo(SliceMetric.Source.VALUES);
      assertThat(SliceMetric.RECALL.ofPositiveClass()).isTrue();
      assertThat(SliceMetric.MACRO_RECALL.ofPositiveClass()).isFalse();
      assertThat(SliceMetric.BRIER_SCORE.isRate()).isTrue();
      assertThat(SliceMetric.LOG_LOSS.isRate()).isFalse();
      assertThat(SliceMetric.MEAN_ABSOLUTE_ERROR.isRate()).isFalse();
    }

    @Test
    void aDropIsHowMuchWorseWhicheverTheDirection() {
      assertThat(SliceMetric.ACCURACY.drop(0.9, 0.8)).isCloseTo(0.1, within(1e-12));
      assertThat(SliceMetric.LOG_LOSS.drop(0.2, 0.5)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void rSquaredIsOneLessTheResidualOverTheTotalSumOfSquares() {
      // targets 1, 2, 3 (mean 2, total 2), predictions 1, 2, 4 (residual 1): R² = 0.5, MAE 1/3, RMSE √(1/3).
      var metrics = new ValueMetrics(new double[] {1, 2, 3}, new double[] {1, 2, 4}).compute(new double[] {1, 1, 1});

      assertThat(metrics.get(SliceMetric.R2)).isCloseTo(0.5, within(1e-12));
      assertThat(metrics.get(SliceMetric.MEAN_ABSOLUTE_ERROR)).isCloseTo(1.0 / 3, within(1e-12));
      assertThat(metrics.get(SliceMetric.ROOT_MEAN_SQUARED_ERROR)).isCloseTo(Math.sqrt(1.0 / 3), within(1e-12));
    }

    @Test
    void logLossDividesEachRowByItsSumAsScikitLearnDoes() {
      // Scores that sum to 0.995 (within the tolerance a predictions file may have): log loss −ln(0.7 / 0.995).
      var metrics = new ScoreMetrics(2, -1, new int[] {0}, new int[] {0}, new double[][] {{0.7, 0.295}})
          .compute(new double[] {1});

      assertThat(metrics.get(SliceMetric.LOG_LOSS)).isCloseTo(-Math.log(0.7 / 0.995), within(1e-12));
    }

    @Test
    void aBinaryBrierScoreIsOfThePositiveClassEvenWhenItComesFirst() {
      // positive class index 0, label 0, score 0.7: (0.7 − 1)² = 0.09 (the multi-class sum would be 0.18).
      var metrics = new ScoreMetrics(2, 0, new int[] {0}, new int[] {0}, new double[][] {{0.7, 0.3}})
          .compute(new double[] {1});

      assertThat(metrics.get(SliceMetric.BRIER_SCORE)).isCloseTo(0.09, within(1e-12));
    }

    @Test
    void aConfidenceOnABinEdgeBelongsToTheLowerBin() {
      // 0.8 lies on the edge of bins (0.7, 0.8] and (0.8, 0.9]; numpy.searchsorted puts it in the lower one, so
      // the right answer at 0.8 and the wrong one at 0.85 are in separate bins: ECE = ½·0.2 + ½·0.85 = 0.525.
      var metrics = new ScoreMetrics(2, -1, new int[] {0, 0}, new int[] {0, 1},
          new double[][] {{0.8, 0.2}, {0.15, 0.85}}).compute(new double[] {1, 1});

      assertThat(metrics.get(SliceMetric.EXPECTED_CALIBRATION_ERROR)).isCloseTo(0.525, within(1e-12));
    }
  }

  @Nested
  class PairedCellsOfASlice {
    private final AnswerMetrics metrics = new AnswerMetrics(List.of("a", "b", "c"), -1);
    private final List<int[]> rows = List.of(new int[] {0, 0, 1}, new int[] {1, 1, 1}, new int[] {2, 1, 2},
        new int[] {2, 2, 2}, new int[] {0, 0, 1}, new int[] {1, 2, 0});

    @Test
    void weightedOneEachGiveExactlyTheSlicesMetrics() {
      PairedCells cells = PairedCells.of(metrics, 3, rows);
      int[] label = rows.stream().mapToInt(r -> r[0]).toArray();
      int[] deployed = rows.stream().mapToInt(r -> r[1]).toArray();
      int[] candidate = rows.stream().mapToInt(r -> r[2]).toArray();
      double[] ones = new double[cells.counts().length];
      java.util.Arrays.fill(ones, 1);

      assertThat(cells.counts()).hasSize(5).containsOnly(1, 2);
      assertThat(weightedByCount(cells, true).values())
          .isEqualTo(metrics.compute(label, deployed, new double[] {1, 1, 1, 1, 1, 1}, false).values());
      assertThat(weightedByCount(cells, false).values())
          .isEqualTo(metrics.compute(label, candidate, new double[] {1, 1, 1, 1, 1, 1}, false).values());
    }

    private ClassificationMetrics weightedByCount(PairedCells cells, boolean deployedModel) {
      double[] weights = java.util.Arrays.stream(cells.counts()).asDoubleStream().toArray();
      return deployedModel ? cells.deployedMetrics(weights) : cells.candidateMetrics(weights);
    }

    @Test
    void countTheFlipMatrixByDeployedAndCandidateAnswer() {
      long[][] matrix = PairedCells.of(metrics, 3, rows).flipMatrix();

      assertThat(matrix).isDeepEqualTo(new long[][] {{0, 2, 0}, {0, 1, 1}, {1, 0, 1}});
    }
  }

  @Nested
  class EvidenceOfASlice {
    @TempDir Path directory;

    private Comparison compare(Map<String, Prediction> deployed, Map<String, Prediction> candidate) {
      GoldenSet goldenSet = GoldenSetLoader.load(new TinyGoldenSet().writeTo(directory).getParent());
      return ComparisonCalculator.compare(goldenSet, deployed, candidate, EVIDENCE);
    }

    private Map<String, Prediction> answers(double confidence) {
      Map<String, Prediction> answers = new HashMap<>();
      Map.of("e1", "cat", "e2", "dog", "e3", "cat", "e4", "dog", "e1~nudge", "cat")
          .forEach((id, label) -> answers.put(id, sure(label, confidence)));
      return answers;
    }

    @Test
    void onlyAccuracyHasMcNemarsTestAndEveryScoreMetricAnInterval() {
      Map<String, Prediction> candidate = answers(0.6);
      candidate.put("e2", sure("cat", 0.7));
      SliceComparison all = compare(answers(0.9), candidate).slice("all").orElseThrow();

      MetricEvidence accuracy = all.evidence().delta(SliceMetric.ACCURACY);
      MetricEvidence logLoss = all.evidence().delta(SliceMetric.LOG_LOSS);
      MetricEvidence macroF1 = all.evidence().delta(SliceMetric.MACRO_F1);
      assertThat(accuracy.delta().getAsDouble()).isCloseTo(-0.25, within(1e-12));
      assertThat(accuracy.test()).contains("mcnemar-exact-one-sided");
      assertThat(accuracy.pValue()).hasValue(0.5);
      assertThat(macroF1.pValue()).isEmpty();
      assertThat(macroF1.test()).isEmpty();
      assertThat(macroF1.ci()).isPresent();
      Interval logLossCi = logLoss.ci().orElseThrow();
      assertThat(logLoss.delta().getAsDouble()).isPositive();
      assertThat(logLossCi.high() - logLossCi.low()).isPositive();
      assertThat(logLossCi.contains(logLoss.delta().getAsDouble())).isTrue();
      assertThat(logLossCi.method()).isEqualTo("paired-poisson-bootstrap-percentile");
    }

    @Test
    void aModelWithoutScoresForEveryExampleHasNoScoreMetrics() {
      Map<String, Prediction> candidate = answers(0.9);
      candidate.put("e3", Prediction.of("cat"));
      SliceComparison all = compare(answers(0.9), candidate).slice("all").orElseThrow();

      assertThat(all.deployed().value(SliceMetric.LOG_LOSS)).isPresent();
      assertThat(all.candidate().value(SliceMetric.LOG_LOSS)).isEmpty();
      assertThat(all.evidence().delta(SliceMetric.LOG_LOSS)).isNull();
      assertThat(all.evidence().delta(SliceMetric.ACCURACY)).isNotNull();
    }

    @Test
    void robustnessDropsAsTheCandidateFailsMoreAdversarialExamples() {
      Map<String, Prediction> candidate = answers(0.9);
      candidate.put("e1~nudge", sure("dog", 0.9));
      Comparison comparison = compare(answers(0.9), candidate);

      PerturbationComparison nudge = comparison.perturbation("nudge").orElseThrow();
      assertThat(nudge.robustnessDrop()).isEqualTo(1.0);
      assertThat(comparison.perturbation("rotate")).isEmpty();
      assertThat(comparison.adversarialOutcomes()).allSatisfy(o -> {
        assertThat(o.deployedPasses()).isTrue();
        assertThat(o.candidatePasses()).isFalse();
      });
    }
  }
}
