package dev.flipgate.comparison;

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

/** MAE, RMSE and R² against scikit-learn (fixture made by tools/reference/regression_metrics_fixtures.py). */
class ValueMetricsTest {

  static Stream<Arguments> scikitLearnCases() throws IOException {
    JsonNode fixture = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/regression-metrics.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scikitLearnCases")
  void agreesWithScikitLearn(String name, JsonNode c) {
    double[] target = doubles(c.path("target"));
    Map<SliceMetric, Double> actual = new ValueMetrics(target, doubles(c.path("predicted"))).compute(ClassificationMetricsTest.ones(target.length));

    var expectedKeys = new TreeSet<String>();
    c.path("expected").fieldNames().forEachRemaining(expectedKeys::add);
    assertThat(new TreeSet<>(actual.keySet().stream().map(SliceMetric::id).toList())).isEqualTo(expectedKeys);
    c.path("expected").properties().forEach(e -> assertThat(actual.get(SliceMetric.byId(e.getKey()).orElseThrow()))
        .as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9)));
  }

  @Test
  void aRegressionCountsAsANegativeFlipOnlyBeyondTheTolerance() {
    assertThat(FlipKind.ofErrors(0.2, 0.6, 0.5)).isEqualTo(FlipKind.BOTH_RIGHT);
    assertThat(FlipKind.ofErrors(0.2, 0.8, 0.5)).isEqualTo(FlipKind.NEGATIVE);
    assertThat(FlipKind.ofErrors(1.9, 0.2, 0.5)).isEqualTo(FlipKind.POSITIVE);
    assertThat(FlipKind.ofErrors(2.0, 2.3, 0.5)).isEqualTo(FlipKind.BOTH_WRONG);
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
