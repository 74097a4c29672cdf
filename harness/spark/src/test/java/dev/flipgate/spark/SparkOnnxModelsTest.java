package dev.flipgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.report.output.RunOutputWriter;
import dev.flipgate.run.GateEngine;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled breast-cancer gate with both real ONNX models run on Spark's executors (the model
 * files broadcast, one session per executor, the local engine's standardization and output
 * reading): result.json is the local engine's on the same Parquet golden set; the answers written
 * back as Parquet predictions gate again to the same result without running a model.
 */
class SparkOnnxModelsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BUNDLED = RepositoryPaths.root().resolve("golden-sets/breast-cancer");

  @TempDir static Path directory;
  private static SparkSession spark;
  private static Path suite;

  @BeforeAll
  static void parquetTwin() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("flipgate-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    // The bundled examples as Parquet (every column as its CSV text, rows in id order), beside
    // the bundled manifest; the suite runs the bundled models on them.
    var rows = spark.read().option("header", "true").csv(BUNDLED.resolve("examples.csv").toString()).orderBy("id");
    GeneratedGate.writeParquet(spark, rows.collectAsList(), rows.schema(), directory.resolve("examples.parquet"));
    Files.writeString(directory.resolve("manifest.yaml"), Files.readString(BUNDLED.resolve("manifest.yaml"))
        .replace("file: examples.csv", "file: examples.parquet"));
    suite = directory.resolve("suite.yaml");
    Files.writeString(suite, """
        name: breast-cancer-on-spark
        goldenSet: .
        seed: 20261127
        evidence: { level: 0.95, resamples: 500 }
        deployed:
          type: onnx
          name: logistic-regression
          file: %1$s/models/breast_cancer-logreg.onnx
          input: { name: input, shape: [-1, 30], standardize: %1$s/standardizer.csv }
          output: { name: output, kind: probabilities }
          classes: [benign, malignant]
          batchSize: 64
        candidates:
          fm:
            type: onnx
            name: factorization-machine
            file: %1$s/models/breast_cancer-fm.onnx
            input: { name: input, shape: [-1, 30], standardize: %1$s/standardizer.csv }
            output: { name: output, kind: probabilities }
            classes: [benign, malignant]
            batchSize: 64
        defaultCandidate: fm
        policy:
          rules:
            - { rule: max-metric-drop, metric: recall, slices: [all, "radius-*"], max: 0.0 }
            - { rule: max-negative-flip-rate, slices: [all], max: 0.01 }
            - { rule: max-metric-drop, metric: rocAuc, slices: [all], max: 0.01, judge: lower-bound }
            - { rule: significant-accuracy-drop, slices: [all, malignant], alpha: 0.05, correction: holm-bonferroni,
                relevantDrop: 0.05 }
        """.formatted(BUNDLED));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theModelsRunOnTheExecutorsGiveTheLocalEnginesResult() throws IOException {
    JsonNode local = result(new GateRunner(CLOCK, ProgressListener.SILENT).run(suite, Optional.empty(), "run-1"), "local");
    JsonNode onSpark = result(onSpark(suite, Map.of("master", "local[2]")), "spark");

    // Latency is measured afresh by each run (on Spark by the driver, without the batched pass's
    // throughput): that it was measured, under the same settings, is what both must agree on.
    for (JsonNode result : List.of(local, onSpark)) {
      assertThat(result.path("latency").path("measured").asBoolean()).isTrue();
      assertThat(result.path("latency").path("candidate").path("p95Ms").isNumber()).isTrue();
      ((ObjectNode) result.path("latency")).remove(List.of("deployed", "candidate"));
    }
    assertThat(JsonDifferences.of(local, onSpark, 20)).isEmpty();
    // The run is the one the README describes: the factorization machine misses malignant tumours.
    assertThat(local.path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(local.path("flipCounts").path("negative").asInt()).isGreaterThan(0);
    assertThat(local.path("provenance").path("models").path("candidate").path("kind").asText()).isEqualTo("onnx");
    assertThat(local.path("slices").get(0).path("deltas").path("rocAuc").path("ci").path("low").isNumber()).isTrue();
  }

  @Test
  void answersWrittenBackAsParquetGateAgainWithoutTheModels() throws IOException {
    Path answers = directory.resolve("answers");
    JsonNode ran = withoutModels(result(onSpark(suite, Map.of("master", "local[2]",
        "flipgate.writeAnswers", answers.toUri().toString())), "ran"));
    Path stored = directory.resolve("stored-suite.yaml");
    Files.writeString(stored, Files.readString(suite).replaceAll("(?s)deployed:.*defaultCandidate: fm", """
        deployed: { type: predictions, name: logistic-regression, file: answers/deployed }
        candidates:
          fm: { type: predictions, name: factorization-machine, file: answers/candidate }
        defaultCandidate: fm"""));

    JsonNode reread = withoutModels(result(onSpark(stored, Map.of("master", "local[2]")), "reread"));

    assertThat(Files.list(answers.resolve("candidate")).anyMatch(p -> p.toString().endsWith(".parquet"))).isTrue();
    assertThat(JsonDifferences.of(ran, reread, 20)).isEmpty();
  }

  /** Stored answers have no latency: a run of the models measured it, a rerun from their answers does not. */
  private static JsonNode withoutModels(JsonNode result) {
    ((ObjectNode) result).remove("latency");
    ((ObjectNode) result.path("provenance")).remove("models");
    ((ObjectNode) result.path("provenance")).remove("suiteSha256");
    ((ObjectNode) result.path("provenance")).remove("suite");
    return result;
  }

  private static RunResult onSpark(Path suiteFile, Map<String, String> options) {
    return new SparkGateEngine().run(new GateEngine.Request(suiteFile, Optional.empty(), "run-1", CLOCK,
        ProgressListener.SILENT, options));
  }

  private static JsonNode result(RunResult result, String name) throws IOException {
    Path reports = directory.resolve("reports-" + name);
    try (var staged = RunOutputWriter.stage(result, reports)) {
      staged.commit();
    }
    return JSON.readTree(reports.resolve("result.json").toFile());
  }
}
