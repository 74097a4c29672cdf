package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Agreement with scikit-learn 1.2.1 (fixture made by tools/reference/classification_metrics_fixtures.py). */
class ClassificationMetricsTest {

  static Stream<Arguments> scikitLearnCases() throws IOException {
    JsonNode fixture = new ObjectMapper().readTree(RepositoryPaths.testResource("reference/classification-metrics.json").toFile());
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scikitLearnCases")
  void agreesWithScikitLearn(String name, JsonNode expected) {
    ClassificationMetrics metrics = ClassificationMetrics.of(strings(expected.path("labels")), strings(expected.path("predictions")));

    for (SliceMetric metric : SliceMetric.values()) {
      assertThat(metric.of(metrics).getAsDouble()).as(metric.id())
          .isCloseTo(expected.path(metric.id()).asDouble(), within(1e-12));
    }
  }

  @Test
  void anEmptySliceHasNoMetricsRatherThanZeros() {
    ClassificationMetrics metrics = ClassificationMetrics.of(List.of(), List.of());

    assertThat(metrics.accuracy()).isEmpty();
    assertThat(metrics.macroF1()).isEmpty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
