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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same gate on Spark {@code local[2]} and in this process: over 200,000 generated examples
 * with slices, flips both ways, critical examples and both models' class probabilities, Spark's
 * result.json is the local engine's — every count, answer and score metric, bootstrap interval,
 * p-value, flip, check and the verdict — and flips.csv.gz holds the same rows; a copy of the input
 * shuffled into Parquet files of seven, five and three parts gives the same result. A gate of
 * answers alone (no scores) is the local engine's too.
 */
class SparkEngineResultTest {
  private static final int ROWS = 200_000;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static SparkSession spark;
  private static GeneratedGate data;
  private static Path suite;
  private static Path localReports;
  private static Path sparkReports;
  private static RunResult local;

  @BeforeAll
  static void gateBothWays() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("flipgate-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    data = new GeneratedGate(ROWS, 20261130L, true);
    Path golden = Files.createDirectories(directory.resolve("golden"));
    suite = data.write(spark, golden);
    local = new GateRunner(CLOCK, ProgressListener.SILENT).run(suite, Optional.empty(), "run-1");
    localReports = write(local, directory.resolve("local"));
    sparkReports = write(onSpark(suite), directory.resolve("spark"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void resultJsonIsTheLocalEnginesOnTheSameFiles() throws IOException {
    JsonNode expected = JSON.readTree(localReports.resolve("result.json").toFile());
    JsonNode actual = JSON.readTree(sparkReports.resolve("result.json").toFile());

    assertThat(JsonDifferences.of(expected, actual, 20)).isEmpty();
    assertThat(actual).isEqualTo(expected);
    // Not a vacuous equality: the run found flips both ways, a blocking slice and a critical regression.
    assertThat(expected.path("flipCounts").path("negative").asLong()).isGreaterThan(5_000);
    assertThat(expected.path("flipCounts").path("positive").asLong()).isGreaterThan(100);
    assertThat(expected.path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(expected.path("provenance").path("goldenSet").path("examples").asInt()).isEqualTo(ROWS);
    assertThat(expected.path("slices")).hasSize(5);
    assertThat(expected.path("critical").toString()).contains("\"id\":\"e0000042\",\"kind\":\"negative\"");
    JsonNode all = expected.path("slices").get(0);
    assertThat(all.path("deltas").path("macroRocAuc").path("ci").path("low").isNumber()).as("a bootstrap interval").isTrue();
    assertThat(all.path("candidate").path("logLoss").isNumber()).isTrue();
    assertThat(expected.path("flips").get(0).path("deployedConfidence").isNumber()).isTrue();
  }

  @Test
  void theFlipsFileHoldsTheSameRows() throws IOException {
    assertThat(gunzip(sparkReports.resolve("flips.csv.gz"))).isEqualTo(gunzip(localReports.resolve("flips.csv.gz")));
  }

  @Test
  void aShuffledCopyInSevenPartsGivesTheSameResult() throws IOException {
    Path copy = Files.createDirectories(directory.resolve("shuffled"));
    GeneratedGate.writeShuffled(spark, data.examples, GeneratedGate.examplesSchema(), copy.resolve("examples"), 7, 1);
    GeneratedGate.writeShuffled(spark, data.deployed, data.predictionsType(), copy.resolve("deployed"), 5, 2);
    GeneratedGate.writeShuffled(spark, data.candidate, data.predictionsType(), copy.resolve("candidate"), 3, 3);
    GeneratedGate.write(copy.resolve("manifest.yaml"), GeneratedGate.manifest("examples"));
    Path shuffledSuite = copy.resolve("suite.yaml");
    GeneratedGate.write(shuffledSuite, GeneratedGate.suite("deployed", "candidate") + GeneratedGate.SCORE_RULES);

    Path reports = write(onSpark(shuffledSuite), directory.resolve("spark-shuffled"));

    JsonNode expected = withoutIdentities(JSON.readTree(sparkReports.resolve("result.json").toFile()));
    JsonNode actual = withoutIdentities(JSON.readTree(reports.resolve("result.json").toFile()));
    assertThat(JsonDifferences.of(expected, actual, 20)).isEmpty();
    assertThat(gunzip(reports.resolve("flips.csv.gz"))).isEqualTo(gunzip(sparkReports.resolve("flips.csv.gz")));
  }

  @Test
  void scoresBeyondTheDriversLimitAreBinnedWithinTheBoundsTheResultStates() throws IOException {
    Path reports = write(new SparkGateEngine().run(new GateEngine.Request(suite, Optional.empty(), "run-1", CLOCK,
        ProgressListener.SILENT, Map.of("master", "local[2]", "flipgate.maxScoredRows", "1000"))),
        directory.resolve("spark-binned"));
    JsonNode exact = JSON.readTree(localReports.resolve("result.json").toFile());
    JsonNode binned = JSON.readTree(reports.resolve("result.json").toFile());

    assertThat(binned.path("flips")).isEqualTo(exact.path("flips"));
    assertThat(binned.path("flipCounts")).isEqualTo(exact.path("flipCounts"));
    for (int s = 0; s < exact.path("slices").size(); s++) {
      JsonNode want = exact.path("slices").get(s);
      JsonNode got = binned.path("slices").get(s);
      JsonNode approximation = got.path("scoreApproximation");
      assertThat(approximation.path("bins").asInt()).isEqualTo(1000);
      assertThat(want.has("scoreApproximation")).as("the exact run states none").isFalse();
      for (String model : new String[] {"deployed", "candidate"}) {
        JsonNode bounds = approximation.path("errorBounds").path(model);
        want.path(model).fields().forEachRemaining(metric -> {
          double value = got.path(model).path(metric.getKey()).asDouble(Double.NaN);
          double bound = bounds.path(metric.getKey()).asDouble(0) + 1e-9;
          assertThat(Math.abs(value - metric.getValue().asDouble())).as(want.path("name").asText() + " " + model + " "
              + metric.getKey()).isLessThanOrEqualTo(bound);
        });
        assertThat(bounds.path("macroRocAuc").asDouble()).as("a stated, small bound").isGreaterThan(0).isLessThan(0.01);
        assertThat(bounds.path("logLoss").asDouble()).isZero();
      }
      JsonNode aucDelta = got.path("deltas").path("macroRocAuc");
      assertThat(aucDelta.path("ci").isNull() || aucDelta.path("ci").isMissingNode()).as("no bootstrap of binned scores: "
          + aucDelta).isTrue();
      assertThat(got.path("deltas").path("accuracy")).isEqualTo(want.path("deltas").path("accuracy"));
    }
    // A rule that judges a score metric by its interval cannot pass without one: it fails, never passes silently.
    assertThat(binned.path("checks").toString()).contains("cannot be judged by its lower-bound");
    assertThat(binned.path("verdict").asText()).isEqualTo("BLOCK");
    // The reports a reviewer reads say so too.
    for (String report : new String[] {"summary.md", "report.html"}) {
      assertThat(Files.readString(reports.resolve(report))).as(report)
          .contains("score metrics from 1000 equal-width score bins").contains("every bound is in result.json");
    }
    assertThat(Files.readString(localReports.resolve("summary.md"))).doesNotContain("score bins");
  }

  @Test
  void aGateOfAnswersAloneIsTheLocalEnginesToo() throws IOException {
    Path golden = Files.createDirectories(directory.resolve("answers-only"));
    Path answersSuite = new GeneratedGate(20_000, 11L).write(spark, golden);

    Path localOnly = write(new GateRunner(CLOCK, ProgressListener.SILENT).run(answersSuite, Optional.empty(), "run-1"),
        directory.resolve("answers-local"));
    Path sparkOnly = write(onSpark(answersSuite), directory.resolve("answers-spark"));

    JsonNode expected = JSON.readTree(localOnly.resolve("result.json").toFile());
    assertThat(JsonDifferences.of(expected, JSON.readTree(sparkOnly.resolve("result.json").toFile()), 20)).isEmpty();
    assertThat(expected.path("slices").get(0).path("candidate").has("logLoss")).as("no scores, no score metrics").isFalse();
  }

  /** Files in other parts are other bytes: the data's hashes, sizes and names differ, and nothing else may. */
  private static JsonNode withoutIdentities(JsonNode result) {
    var provenance = (ObjectNode) result.path("provenance");
    ((ObjectNode) provenance.path("goldenSet")).remove("sha256");
    for (String role : new String[] {"deployed", "candidate"}) {
      var model = (ObjectNode) provenance.path("models").path(role);
      model.remove("sha256");
      model.remove("sizeBytes");
      model.remove("file");
    }
    provenance.remove("suiteSha256");
    return result;
  }

  private static RunResult onSpark(Path suiteFile) {
    return new SparkGateEngine().run(new GateEngine.Request(suiteFile, Optional.empty(), "run-1", CLOCK,
        ProgressListener.SILENT, Map.of("master", "local[2]")));
  }

  private static Path write(RunResult result, Path reports) throws IOException {
    try (var staged = RunOutputWriter.stage(result, reports)) {
      staged.commit();
    }
    return reports;
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
