package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classification metric against scikit-learn 1.2.1, on cases with ties, missing classes,
 * one-class slices and perfect predictions (fixture made by
 * tools/reference/classification_metrics_fixtures.py).
 */
class ClassificationMetricsTest {
  private static final double TOLERANCE = 1e-9;

  static Stream<Arguments> scikitLearnCases() throws IOException {
    JsonNode fixture = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/classification-metrics.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scikitLearnCases")
  void computesExactlyTheMetricsScikitLearnDefinesWithTheSameValues(String name, JsonNode c) {
    Map<SliceMetric, Double> actual = compute(c);

    Map<String, Double> expected = new java.util.TreeMap<>();
    c.path("expected").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asDouble()));
    assertThat(new TreeSet<>(actual.keySet().stream().map(SliceMetric::id).toList())).isEqualTo(expected.keySet());
    expected.forEach((id, value) ->
        assertThat(actual.get(SliceMetric.byId(id).orElseThrow())).as(id).isCloseTo(value, within(TOLERANCE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scikitLearnCases")
  void reportsPerClassPrecisionRecallAndF1AsScikitLearnDoes(String name, JsonNode c) {
    List<String> classes = strings(c.path("classes"));
    var metrics = new AnswerMetrics(classes, -1).compute(indices(classes, c.path("labels")),
        indices(classes, c.path("answers")), ones(c.path("labels").size()), true);

    assertThat(metrics.perClass()).hasSize(c.path("perClass").size());
    for (int i = 0; i < metrics.perClass().size(); i++) {
      var actual = metrics.perClass().get(i);
      JsonNode expected = c.path("perClass").get(i);
      assertThat(actual.className()).isEqualTo(expected.path("className").asText());
      assertThat(actual.precision()).isCloseTo(expected.path("precision").asDouble(), within(TOLERANCE));
      assertThat(actual.recall()).isCloseTo(expected.path("recall").asDouble(), within(TOLERANCE));
      assertThat(actual.f1()).isCloseTo(expected.path("f1").asDouble(), within(TOLERANCE));
      assertThat(actual.support()).isEqualTo(expected.path("support").asLong());
    }
  }

  @Test
  void anEmptySliceHasNoMetricsRatherThanZeros() {
    ClassificationMetrics metrics = new AnswerMetrics(List.of("a", "b"), -1).compute(new int[0], new int[0], new double[0], true);

    assertThat(metrics.value(SliceMetric.ACCURACY)).isEmpty();
    assertThat(metrics.value(SliceMetric.MACRO_F1)).isEmpty();
  }

  @Test
  void countsTheConfusionMatrixWithLabelsAsRowsAndAnswersAsColumns() {
    var metrics = new AnswerMetrics(List.of("a", "b"), -1).compute(new int[] {0, 0, 1}, new int[] {0, 1, 1}, ones(3), true);

    assertThat(metrics.confusion()).isDeepEqualTo(new long[][] {{1, 1}, {0, 1}});
  }

  static Map<SliceMetric, Double> compute(JsonNode c) {
    List<String> classes = strings(c.path("classes"));
    int positive = c.path("positiveClass").isTextual() ? classes.indexOf(c.path("positiveClass").asText()) : -1;
    int[] labels = indices(classes, c.path("labels"));
    int[] answers = indices(classes, c.path("answers"));
    double[] weights = ones(labels.length);
    Map<SliceMetric, Double> values = new EnumMap<>(SliceMetric.class);
    values.putAll(new AnswerMetrics(classes, positive).compute(labels, answers, weights, true).values());
    if (c.path("scores").isArray()) {
      double[][] scores = new double[labels.length][];
      for (int i = 0; i < labels.length; i++) {
        scores[i] = new double[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
          scores[i][k] = c.path("scores").get(i).get(k).asDouble();
        }
      }
      values.putAll(new ScoreMetrics(classes.size(), positive, labels, answers, scores).compute(weights));
    }
    return values;
  }

  static double[] ones(int n) {
    double[] ones = new double[n];
    Arrays.fill(ones, 1.0);
    return ones;
  }

  static int[] indices(List<String> classes, JsonNode values) {
    return strings(values).stream().mapToInt(classes::indexOf).toArray();
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
