package dev.flipgate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent end-to-end check: random golden sets with random predictions files (2, 5, 12
 * and 20 classes with class scores, and a regression task; thousands of rows, random slices) go
 * through {@code flipgate gate}
 * and the predictions-file adapter; every metric, flip count, McNemar p-value and Clopper–Pearson
 * interval in result.json must agree to 1e-6 with what scikit-learn, SciPy and statsmodels computed
 * (tools/reference/random_gate_fixtures.py).
 */
class RandomPredictionsCheckTest {
  private static final double TOLERANCE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> cases() throws IOException {
    return Files.list(RepositoryPaths.testResource("random-check")).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithScikitLearnAndStatsmodelsOnEveryReportedNumber(Path directory, @TempDir Path out) throws IOException {
    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", out.toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
    JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
    JsonNode expected = JSON.readTree(directory.resolve("expected.json").toFile());

    expected.path("slices").properties().forEach(entry -> {
      String name = entry.getKey();
      JsonNode want = entry.getValue();
      JsonNode got = slice(result, name);
      assertThat(got.path("n").asLong()).as(name + " n").isEqualTo(want.path("n").asLong());
      assertThat(got.path("negativeFlips").asLong()).as(name).isEqualTo(want.path("negativeFlips").asLong());
      assertThat(got.path("positiveFlips").asLong()).as(name).isEqualTo(want.path("positiveFlips").asLong());
      for (String model : new String[] {"deployed", "candidate"}) {
        assertThat(keys(got.path(model))).as(name + " " + model + " metrics").isEqualTo(keys(want.path(model)));
        want.path(model).properties().forEach(metric -> assertThat(got.path(model).path(metric.getKey()).asDouble())
            .as(name + " " + model + " " + metric.getKey()).isCloseTo(metric.getValue().asDouble(), within(TOLERANCE)));
      }
      if (want.has("mcnemarPValue")) {
        assertThat(got.path("deltas").path("accuracy").path("pValue").asDouble()).as(name + " McNemar")
            .isCloseTo(want.path("mcnemarPValue").asDouble(), within(TOLERANCE));
      }
      JsonNode nfr = got.path("negativeFlipRate");
      assertThat(nfr.path("ci").path("method").asText()).isEqualTo(want.path("nfrCi").path("method").asText());
      assertThat(nfr.path("ci").path("low").asDouble()).as(name).isCloseTo(want.path("nfrCi").path("low").asDouble(), within(TOLERANCE));
      assertThat(nfr.path("ci").path("high").asDouble()).as(name).isCloseTo(want.path("nfrCi").path("high").asDouble(), within(TOLERANCE));
      assertThat(nfr.path("upperBound").asDouble()).as(name).isCloseTo(want.path("nfrUpperBound").asDouble(), within(TOLERANCE));
    });
  }

  private static Map<String, Boolean> keys(JsonNode object) {
    Map<String, Boolean> keys = new TreeMap<>();
    object.fieldNames().forEachRemaining(k -> keys.put(k, true));
    return keys;
  }

  private static JsonNode slice(JsonNode result, String name) {
    return StreamSupport.stream(result.path("slices").spliterator(), false)
        .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
  }
}
