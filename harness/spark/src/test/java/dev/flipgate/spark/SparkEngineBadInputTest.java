package dev.flipgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.cli.FlipgateMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flipgate gate SUITE --engine spark --master local[2]} on bad input: a model's missing,
 * duplicate or unknown answer is a runtime failure (exit 3), a golden set's fault or what this
 * engine does not gate is a configuration error (exit 2); each message names the file and the
 * first offending id, and no result.json is left behind — never a verdict.
 */
class SparkEngineBadInputTest {
  private static SparkSession spark;
  private static GeneratedGate data;

  @TempDir Path directory;
  private Path reports;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("flipgate-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    data = new GeneratedGate(2_000, 7L);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void earlierVerdict() throws IOException {
    reports = Files.createDirectories(directory.resolve("reports"));
    // A verdict an earlier run left must not survive a failed one.
    Files.writeString(reports.resolve("result.json"), "{\"verdict\":\"PROMOTE\"}");
  }

  @Test
  void aMissingAnswerIsAModelFailureNamingTheFileAndId() {
    Path suite = gate(data.examples, data.deployed, without(data.candidate, "e0000017", "e0000500"));

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet").contains("e0000017").contains("missing prediction")
        .doesNotContain("e0000500");
    assertThat(reports.resolve("result.json")).doesNotExist();
  }

  @Test
  void aDuplicateAnswerIsAModelFailure() {
    List<Row> twice = new ArrayList<>(data.deployed);
    twice.add(RowFactory.create("e0000321", "cat"));
    Path suite = gate(data.examples, twice, data.candidate);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("deployed.parquet").contains("e0000321").contains("duplicate prediction");
    assertThat(reports.resolve("result.json")).doesNotExist();
  }

  @Test
  void anAnswerThatIsNoClassIsAModelFailure() {
    List<Row> answers = new ArrayList<>(data.candidate);
    answers.set(1234, RowFactory.create("e0001234", "wolf"));
    answers.set(1500, RowFactory.create("e0001500", null));
    Path suite = gate(data.examples, data.deployed, answers);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet").contains("e0001234").contains("unknown class");
    assertThat(reports.resolve("result.json")).doesNotExist();
  }

  @Test
  void anAnswerForAnIdTheGoldenSetLacksIsAModelFailure() {
    List<Row> answers = new ArrayList<>(data.candidate);
    answers.add(RowFactory.create("x-stray", "dog"));
    Path suite = gate(data.examples, data.deployed, answers);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet").contains("x-stray").contains("unknown example");
  }

  @Test
  void aDuplicateExampleIsAConfigurationErrorOfTheGoldenSet() {
    List<Row> examples = new ArrayList<>(data.examples);
    examples.add(examples.get(99));
    Path suite = gate(examples, data.deployed, data.candidate);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("examples.parquet").contains("e0000099").contains("duplicate example id");
    assertThat(reports.resolve("result.json")).doesNotExist();
  }

  @Test
  void aValueThatIsNoNumberInARangeSlicesColumnIsAConfigurationError() {
    StructType textSize = new StructType().add("id", DataTypes.StringType).add("label", DataTypes.StringType)
        .add("region", DataTypes.StringType).add("size", DataTypes.StringType).add("tags", DataTypes.StringType);
    List<Row> examples = data.examples.stream().map(r -> RowFactory.create(r.get(0), r.get(1), r.get(2),
        r.getString(0).equals("e0000777") ? "large" : String.valueOf(r.get(3)), r.get(4))).toList();
    Path golden = directory.resolve("golden");
    GeneratedGate.writeParquet(spark, examples, textSize, golden.resolve("examples.parquet"));
    Path suite = gate(null, data.deployed, data.candidate);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("examples.parquet").contains("e0000777").contains("mid-size");
  }

  @Test
  void aNanScoreIsAModelFailureNamingTheFileAndId() {
    Path suite = gateWithScores(id -> id.equals("e0000812") ? new double[] {0.5, Double.NaN, 0.5}
        : id.equals("e0001900") ? new double[] {Double.NaN, 0.5, 0.5} : null);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet").contains("e0000812").contains("non-finite score")
        .contains("'dog'").doesNotContain("e0001900");
    assertThat(reports.resolve("result.json")).doesNotExist();
  }

  @Test
  void scoresThatAreNoProbabilitiesAreAModelFailure() {
    Path suite = gateWithScores(id -> id.equals("e0000064") ? new double[] {0.5, 0.5, 0.5} : null);

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet").contains("e0000064").contains("sum to 1.5")
        .contains("not probabilities");
  }

  /** The candidate scores every example (its answer 0.6, the others 0.2), but where {@code odd} gives other scores. */
  private Path gateWithScores(java.util.function.Function<String, double[]> odd) {
    StructType scored = GeneratedGate.predictionsSchema().add("score_cat", DataTypes.DoubleType)
        .add("score_dog", DataTypes.DoubleType).add("score_fox", DataTypes.DoubleType);
    Path suite = gate(data.examples, data.deployed, data.candidate);
    List<Row> rows = data.candidate.stream().map(r -> {
      double[] p = odd.apply(r.getString(0));
      if (p == null) {
        p = new double[] {0.2, 0.2, 0.2};
        p[GeneratedGate.CLASSES.indexOf(r.getString(1))] = 0.6;
      }
      return RowFactory.create(r.get(0), r.get(1), p[0], p[1], p[2]);
    }).toList();
    Path file = suite.resolveSibling("candidate.parquet");
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    GeneratedGate.writeParquet(spark, rows, scored, file);
    return suite;
  }

  @Test
  void aModelServedOrRunAsAProcessIsRefusedBeforeAnySparkJob() throws IOException {
    Path suite = gate(data.examples, data.deployed, data.candidate);
    Files.writeString(suite, Files.readString(suite).replace("next: { type: predictions, name: next, file: candidate.parquet }",
        "next: { type: subprocess, name: next, command: [\"python3\", \"model.py\"] }"));

    Run run = gate(suite);

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml").contains("candidates").contains("does not run this kind of model");
  }

  @Test
  void anEngineThatIsNotOnTheClassPathIsNamedWithTheOnesThatAre() {
    Path suite = gate(data.examples, data.deployed, data.candidate);

    Run run = run("gate", suite.toString(), "--engine", "flink", "--out", reports.toString(), "--no-ledger");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("'flink'").contains("[spark]");
  }

  /** @param examples the examples to write, or null to keep the ones already written */
  private Path gate(List<Row> examples, List<Row> deployed, List<Row> candidate) {
    Path golden = directory.resolve("golden");
    try {
      Files.createDirectories(golden);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (examples != null) {
      GeneratedGate.writeParquet(spark, examples, GeneratedGate.examplesSchema(), golden.resolve("examples.parquet"));
    }
    GeneratedGate.writeParquet(spark, deployed, GeneratedGate.predictionsSchema(), golden.resolve("deployed.parquet"));
    GeneratedGate.writeParquet(spark, candidate, GeneratedGate.predictionsSchema(), golden.resolve("candidate.parquet"));
    GeneratedGate.write(golden.resolve("manifest.yaml"), GeneratedGate.manifest("examples.parquet"));
    Path suite = golden.resolve("suite.yaml");
    GeneratedGate.write(suite, GeneratedGate.suite("deployed.parquet", "candidate.parquet"));
    return suite;
  }

  private Run gate(Path suite) {
    return run("gate", suite.toString(), "--engine", "spark", "--master", "local[2]", "--out", reports.toString(),
        "--no-ledger", "--quiet");
  }

  private static List<Row> without(List<Row> rows, String... ids) {
    var dropped = List.of(ids);
    return rows.stream().filter(r -> !dropped.contains(r.getString(0))).toList();
  }

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = FlipgateMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
