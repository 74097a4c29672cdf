package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.BreastCancerReference;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flipgate gate golden-sets/breast-cancer/suite.yaml}: the factorization machine misses
 * malignant tumours the deployed logistic regression caught, and is blocked for it — checked
 * against an independent ONNX Runtime computation on the raw, standardized rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreastCancerGateAcceptanceTest {
  private final BreastCancerReference reference = BreastCancerReference.load();
  private CliRun run;
  private JsonNode result;

  @BeforeAll
  void runTheGate(@TempDir Path reports) throws IOException {
    run = CliRun.of("gate", RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml").toString(),
        "--out", reports.toString(), "--quiet");
    result = new ObjectMapper().readTree(reports.resolve("result.json").toFile());
  }

  @Test
  void blocksWithExitCodeOne() {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(result.path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(result.path("positiveClass").asText()).isEqualTo("malignant");
  }

  @Test
  void findsTheFlipsTheReferenceFinds() {
    JsonNode all = slice("all");
    assertThat(all.path("n").asInt()).isEqualTo(171);
    assertThat(all.path("negativeFlips").asInt()).isEqualTo(reference.negativeFlips().size());
    assertThat(all.path("positiveFlips").asInt()).isEqualTo(reference.positiveFlips().size());
    Set<String> flips = new TreeSet<>();
    result.path("flips").forEach(f -> flips.add(f.path("id").asText()));
    assertThat(flips).isEqualTo(reference.negativeFlips());
  }

  @Test
  void reasonsNameTheDropInMalignantRecallAndTheNegativeFlips() {
    JsonNode recall = StreamSupport.stream(result.path("reasons").spliterator(), false)
        .filter(r -> r.path("rule").asText().equals("max-metric-drop") && r.path("slice").asText().equals("all")
            && r.path("message").asText().startsWith("recall"))
        .findFirst().orElseThrow();
    double drop = reference.malignantRecall(false) - reference.malignantRecall(true);

    assertThat(recall.path("message").asText())
        .contains(String.format(java.util.Locale.ROOT, "recall on 'all' drops by %.2f pp", drop * 100));
    Set<String> named = new TreeSet<>();
    recall.path("examples").forEach(id -> named.add(id.asText()));
    assertThat(named).isEqualTo(reference.negativeFlips());
    assertThat(slice("all").path("deployed").path("recall").asDouble()).isCloseTo(reference.malignantRecall(false), within(1e-12));
    assertThat(slice("all").path("candidate").path("recall").asDouble()).isCloseTo(reference.malignantRecall(true), within(1e-12));
  }

  @Test
  void reportsScoreMetricsWithIntervalsForTheBinaryTask() {
    JsonNode all = slice("all");
    for (String metric : new String[] {"rocAuc", "averagePrecision", "logLoss", "brierScore", "expectedCalibrationError"}) {
      assertThat(all.path("deployed").has(metric)).as(metric).isTrue();
      assertThat(all.path("deltas").path(metric).path("ci").path("method").asText()).as(metric)
          .isEqualTo("paired-poisson-bootstrap-percentile");
    }
  }

  @Test
  void saysTheAccuracyLossIsNotSignificantOnSoFewCases() {
    // 4 negative and 0 positive flips: P(X >= 4 | Binomial(4, 1/2)) = 1/16, above alpha = 0.05.
    JsonNode all = slice("all");
    assertThat(all.path("deltas").path("accuracy").path("pValue").asDouble()).isCloseTo(1 / 16.0, within(1e-15));
    JsonNode check = StreamSupport.stream(result.path("checks").spliterator(), false)
        .filter(c -> c.path("rule").asText().equals("significant-accuracy-drop") && c.path("subject").asText().equals("all"))
        .findFirst().orElseThrow();
    assertThat(check.path("passed").asBoolean()).isTrue();
    assertThat(check.path("message").asText()).contains("not significant");
  }

  private JsonNode slice(String name) {
    return StreamSupport.stream(result.path("slices").spliterator(), false)
        .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
  }
}
