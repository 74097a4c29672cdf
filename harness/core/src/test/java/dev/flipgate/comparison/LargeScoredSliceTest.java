package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.PoissonBootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scored slice of more than {@link SliceEvidenceCalculator#EXACT_SCORE_BOOTSTRAP_LIMIT}
 * examples takes the paired delta-method interval for its score metrics, and says so; its answer
 * metrics and a slice of exactly the limit keep the bootstrap. 20,001 examples of two classes:
 * 'all' is one over the limit, 'first-half' (the first 20,000) at it. Each test compares afresh
 * (not in a shared set-up) so that mutation testing sees which test reaches which code.
 */
class LargeScoredSliceTest {
  private static final int EXAMPLES = SliceEvidenceCalculator.EXACT_SCORE_BOOTSTRAP_LIMIT + 1;
  private static final List<String> CLASSES = List.of("no", "yes");
  @TempDir Path directory;

  private Comparison compareTwoScoredModelsOnALargeGoldenSet() throws IOException {
    var examples = new StringBuilder("id,label,half,x\n");
    Map<String, Prediction> deployed = new HashMap<>();
    Map<String, Prediction> candidate = new HashMap<>();
    var random = new Random(3);
    for (int i = 0; i < EXAMPLES; i++) {
      String label = CLASSES.get(random.nextInt(2));
      examples.append('e').append(i).append(',').append(label).append(',').append(i < SliceEvidenceCalculator.EXACT_SCORE_BOOTSTRAP_LIMIT ? "first" : "second").append(",0\n");
      deployed.put("e" + i, scored(label, random, 0.30));
      candidate.put("e" + i, scored(label, random, 0.35));
    }
    Files.writeString(directory.resolve("examples.csv"), examples);
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: large
        classes: [no, yes]
        positiveClass: yes
        input: { columns: { names: [x] }, shape: [1] }
        examples: { file: examples.csv, metadata: [half] }
        slices:
          - { name: first-half, where: { column: half, equals: first } }
        """);
    GoldenSet goldenSet = GoldenSetLoader.load(directory);
    return ComparisonCalculator.compare(goldenSet, deployed, candidate, new EvidenceSettings(0.95, 200, 1));
  }

  /** A probability of 'yes' that leans towards the label by {@code lean}. */
  private static Prediction scored(String label, Random random, double lean) {
    double yes = Math.min(1, Math.max(0, random.nextDouble() * (1 - lean) + (label.equals("yes") ? lean : 0)));
    var scores = new ClassScores(CLASSES, new double[] {1 - yes, yes});
    return new Prediction(scores.best(), Optional.of(scores));
  }

  @Test
  void theLargeSlicesScoreMetricsTakeTheDeltaMethodIntervalAroundTheirDelta() throws IOException {
    SliceComparison all = compareTwoScoredModelsOnALargeGoldenSet().slice("all").orElseThrow();

    for (SliceMetric metric : List.of(SliceMetric.LOG_LOSS, SliceMetric.BRIER_SCORE, SliceMetric.EXPECTED_CALIBRATION_ERROR,
        SliceMetric.ROC_AUC, SliceMetric.AVERAGE_PRECISION, SliceMetric.MACRO_ROC_AUC, SliceMetric.MEAN_AVERAGE_PRECISION)) {
      MetricEvidence evidence = all.evidence().deltas().get(metric);
      Interval interval = evidence.ci().orElseThrow();
      double delta = evidence.delta().getAsDouble();
      assertThat(interval.method()).as(metric.id()).isEqualTo(InfluenceInterval.METHOD);
      assertThat(interval.high() - delta).as(metric.id()).isPositive().isCloseTo(delta - interval.low(), org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void itsAnswerMetricsAndASliceOfExactlyTheLimitKeepThePairedBootstrap() throws IOException {
    Comparison comparison = compareTwoScoredModelsOnALargeGoldenSet();
    assertThat(comparison.slice("first-half").orElseThrow().counts().n()).isEqualTo(SliceEvidenceCalculator.EXACT_SCORE_BOOTSTRAP_LIMIT);
    assertThat(comparison.slice("all").orElseThrow().evidence().deltas().get(SliceMetric.MACRO_F1).ci().orElseThrow().method())
        .isEqualTo(PoissonBootstrap.METHOD);
    comparison.slice("first-half").orElseThrow().evidence().deltas().forEach((metric, evidence) ->
        evidence.ci().filter(ci -> metric != SliceMetric.ACCURACY)
            .ifPresent(ci -> assertThat(ci.method()).as(metric.id()).isEqualTo(PoissonBootstrap.METHOD)));
    assertThat(comparison.slice("first-half").orElseThrow().evidence().deltas().get(SliceMetric.ROC_AUC).ci()).isPresent();
  }
}
