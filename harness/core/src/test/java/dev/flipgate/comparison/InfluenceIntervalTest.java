package dev.flipgate.comparison;

import static dev.flipgate.comparison.ClassificationMetricsTest.indices;
import static dev.flipgate.comparison.ClassificationMetricsTest.ones;
import static dev.flipgate.comparison.ClassificationMetricsTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard error of every score (and regression) metric's change, as the paired delta-method
 * interval of a large slice uses it, against influences taken by finite differences of
 * scikit-learn's weighted metrics, and ROC AUC's against DeLong's paired variance from midranks (fixture made by
 * tools/reference/influence_interval_fixtures.py).
 */
class InfluenceIntervalTest {

  static Stream<Arguments> referenceCases() throws IOException {
    JsonNode fixture = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/influence-intervals.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void theStandardErrorOfEachChangeIsTheReferenceInfluencesOne(String name, JsonNode c) {
    Map<SliceMetric, double[]> before = influences(c, "deployed");
    Map<SliceMetric, double[]> after = influences(c, "candidate");

    assertThat(new TreeSet<>(before.keySet().stream().map(SliceMetric::id).toList()))
        .isEqualTo(new TreeSet<>(c.path("expected").properties().stream().map(Map.Entry::getKey).toList()));
    c.path("expected").properties().forEach(e -> {
      SliceMetric metric = SliceMetric.byId(e.getKey()).orElseThrow();
      double expected = e.getValue().path("standardError").asDouble();
      assertThat(InfluenceInterval.standardError(before.get(metric), after.get(metric)))
          .as(metric.id()).isCloseTo(expected, within(expected * 1e-6));
    });
  }

  static Stream<Arguments> binaryCases() throws IOException {
    return referenceCases().filter(arguments -> ((JsonNode) arguments.get()[1]).has("delongStandardError"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryCases")
  void rocAucsStandardErrorIsDeLongsPairedOne(String name, JsonNode c) {
    double delong = c.path("delongStandardError").asDouble();

    assertThat(InfluenceInterval.standardError(metrics(c, "deployed").influences().get(SliceMetric.ROC_AUC),
        metrics(c, "candidate").influences().get(SliceMetric.ROC_AUC))).isCloseTo(delong, within(delong * 1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void everyExamplesInfluenceSumsToZeroBecauseEveryMetricIsAWeightedAverage(String name, JsonNode c) {
    influences(c, "candidate").forEach((metric, influence) ->
        assertThat(java.util.Arrays.stream(influence).sum()).as(metric.id()).isCloseTo(0.0, within(1e-8)));
  }

  /**
   * The delta-method interval stands in for the bootstrap on large slices, so on a slice where
   * both can run they must agree: for every score metric, the same width within a tenth and the
   * same centre within a tenth of the width (4,000 examples of three classes, 2,000 resamples).
   */
  @Test
  void onASliceBothCanMeasureTheDeltaMethodIntervalAgreesWithThePairedBootstrap() {
    var random = new java.util.Random(11);
    int n = 4_000;
    int[] labels = new int[n];
    double[][] before = new double[n][];
    double[][] after = new double[n][];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(3);
      before[i] = noisyScores(random, labels[i], 0.9);
      after[i] = noisyScores(random, labels[i], 1.2);
    }
    var deployed = new ScoreMetrics(3, -1, labels, argmax(before), before);
    var candidate = new ScoreMetrics(3, -1, labels, argmax(after), after);
    SliceMetric[] metrics = deployed.influences().keySet().toArray(SliceMetric[]::new);
    double[] ones = ones(n);
    Map<SliceMetric, Double> beforeValues = deployed.compute(ones);
    Map<SliceMetric, Double> afterValues = candidate.compute(ones);
    long[] counts = new long[n];
    java.util.Arrays.fill(counts, 1);
    var bootstrap = new dev.flipgate.statistics.PoissonBootstrap(5, 2_000, 0.95).intervals(counts, w -> {
      var b = deployed.compute(w);
      var a = candidate.compute(w);
      return java.util.Arrays.stream(metrics).mapToDouble(m -> a.get(m) - b.get(m)).toArray();
    }, metrics.length, "agreement");
    double z = 1.959963984540054;

    for (int m = 0; m < metrics.length; m++) {
      double delta = afterValues.get(metrics[m]) - beforeValues.get(metrics[m]);
      double halfWidth = z * InfluenceInterval.standardError(deployed.influences().get(metrics[m]),
          candidate.influences().get(metrics[m]));
      var resampled = bootstrap[m];
      assertThat((resampled.high() - resampled.low()) / (2 * halfWidth)).as(metrics[m].id()).isCloseTo(1.0, within(0.1));
      assertThat((resampled.high() + resampled.low()) / 2 - delta).as(metrics[m].id()).isCloseTo(0.0, within(0.2 * halfWidth));
    }
  }

  /** Dirichlet-like scores leaning towards the label by {@code strength}. */
  private static double[] noisyScores(java.util.Random random, int label, double strength) {
    double[] scores = new double[3];
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      scores[c] = -Math.log(1 - random.nextDouble()) + (c == label ? strength : 0);
      sum += scores[c];
    }
    for (int c = 0; c < 3; c++) {
      scores[c] /= sum;
    }
    return scores;
  }

  private static int[] argmax(double[][] scores) {
    int[] best = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      for (int c = 1; c < scores[i].length; c++) {
        if (scores[i][c] > scores[i][best[i]]) {
          best[i] = c;
        }
      }
    }
    return best;
  }

  private static Map<SliceMetric, double[]> influences(JsonNode c, String model) {
    if (!c.path("task").asText().equals("regression")) {
      return metrics(c, model).influences();
    }
    double[] target = numbers(c.path("target"));
    return new ValueMetrics(target, numbers(c.path(model + "Values"))).influences();
  }

  private static double[] numbers(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static ScoreMetrics metrics(JsonNode c, String model) {
    List<String> classes = strings(c.path("classes"));
    int positive = c.path("positiveClass").isTextual() ? classes.indexOf(c.path("positiveClass").asText()) : -1;
    int[] labels = indices(classes, c.path("labels"));
    JsonNode rows = c.path(model + "Scores");
    double[][] scores = new double[labels.length][classes.size()];
    for (int i = 0; i < labels.length; i++) {
      for (int k = 0; k < classes.size(); k++) {
        scores[i][k] = rows.get(i).get(k).asDouble();
      }
    }
    var metrics = new ScoreMetrics(classes.size(), positive, labels, indices(classes, c.path(model + "Answers")), scores);
    assertThat(metrics.compute(ones(labels.length))).isNotEmpty();
    return metrics;
  }
}
