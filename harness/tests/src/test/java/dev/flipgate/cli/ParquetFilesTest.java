package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.io.StrictJson;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.ParquetTables;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Examples and predictions files in Parquet ({@code .parquet}) are read as their CSV twins are:
 * the same gate, and the same checks, located by row instead of line.
 */
class ParquetFilesTest {
  private static final Map<String, String> SCORES = Map.of("score_cat", "double", "score_dog", "double");

  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  @Test
  void aGateOverParquetFilesDecidesAndReportsAsOverTheirCsvTwins() throws IOException {
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    CliRun overCsv = gate(tiny.writeTo(directory.resolve("csv")), "csv-out");

    Path suite = parquetTwin(directory.resolve("parquet"));
    CliRun overParquet = gate(suite, "parquet-out");

    assertThat(overParquet.exitCode()).as(overParquet.toString()).isEqualTo(overCsv.exitCode()).isEqualTo(1);
    assertThat(comparable(directory.resolve("parquet-out/result.json")))
        .isEqualTo(comparable(directory.resolve("csv-out/result.json")));
    assertThat(Files.readString(directory.resolve("parquet-out/summary.md"))).contains("BLOCK");
  }

  @Test
  void aNullLabelIsAMissingLabelOnItsRow() throws IOException {
    Path suite = parquetTwin(directory);
    ParquetTables.write(directory.resolve("examples.parquet"), tiny.examples.replace("e3,cat,b", "e3,,b"), Map.of());

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.parquet, row 3, example e3", "missing label");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void aDuplicateIdNamesBothRows() throws IOException {
    Path suite = parquetTwin(directory);
    ParquetTables.write(directory.resolve("examples.parquet"), tiny.examples.replace("e4,dog", "e2,dog"), Map.of());

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.parquet, row 4, example e2", "the same id on row 2");
  }

  @Test
  void aNonFiniteScoreIsAModelFailureOnItsRow() throws IOException {
    Path suite = parquetTwin(directory);
    ParquetTables.write(directory.resolve("deployed.parquet"), tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,dog,NaN,0.8"),
        SCORES);

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("deployed.parquet, row 2, example e2", "non-finite score");
  }

  @Test
  void predictionsForAnUnknownExampleNameTheirRow() throws IOException {
    Path suite = parquetTwin(directory);
    ParquetTables.write(directory.resolve("candidate.parquet"), tiny.deployedPredictions.replace("e3,cat", "e9,cat"), SCORES);

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("candidate.parquet, row 3, example e9", "predictions for unknown examples");
  }

  @Test
  void aNestedColumnIsRefusedByName() throws IOException {
    Path suite = parquetTwin(directory);
    var schema = MessageTypeParser.parseMessageType("""
        message table {
          required binary id (STRING);
          required binary label (STRING);
          required binary group (STRING);
          optional binary tags (STRING);
          required double f0;
          required double f1;
          repeated int32 extra;
        }""");
    ParquetTables.write(directory.resolve("examples.parquet"), schema,
        List.of("id", "label", "group", "tags", "f0", "f1"), List.of("e1,cat,a,,0.1,0.2"));

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.parquet", "invalid Parquet schema", "column 'extra' is nested or repeated");
  }

  @Test
  void aDecimalColumnIsRefusedRatherThanGuessed() throws IOException {
    Path suite = parquetTwin(directory);
    var schema = MessageTypeParser.parseMessageType("""
        message table {
          required binary id (STRING);
          required int64 prediction (DECIMAL(10, 2));
        }""");
    ParquetTables.write(directory.resolve("deployed.parquet"), schema, List.of("id", "prediction"), List.of("e1,1"));

    CliRun run = gate(suite, "out");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("deployed.parquet", "invalid Parquet schema", "column 'prediction' is INT64");
  }

  /**
   * The tiny golden set with its examples, adversarial examples and both predictions files in
   * Parquet (inputs and scores as numbers, one input a float).
   */
  private Path parquetTwin(Path into) throws IOException {
    tiny.manifest = tiny.manifest.replace("file: examples.csv", "file: examples.parquet")
        .replace("file: adversarial.csv", "file: adversarial.parquet");
    Path suite = tiny.writeTo(into);
    ParquetTables.write(into.resolve("examples.parquet"), tiny.examples, Map.of("f0", "double", "f1", "double"));
    ParquetTables.write(into.resolve("adversarial.parquet"), tiny.adversarial, Map.of("f0", "float", "f1", "double"));
    Files.delete(into.resolve("adversarial.csv"));
    ParquetTables.write(into.resolve("deployed.parquet"), tiny.deployedPredictions, SCORES);
    ParquetTables.write(into.resolve("candidate.parquet"), tiny.candidatePredictions, SCORES);
    Files.delete(into.resolve("examples.csv"));
    Files.writeString(suite, Files.readString(suite).replace("deployed.csv", "deployed.parquet")
        .replace("file: candidate.csv", "file: candidate.parquet"));
    return suite;
  }

  private CliRun gate(Path suite, String out) {
    return CliRun.of("gate", suite.toString(), "--out", directory.resolve(out).toString(), "--quiet");
  }

  /** result.json without what differs between the two runs by design: provenance (files and their hashes). */
  private static JsonNode comparable(Path resultJson) throws IOException {
    ObjectNode node = (ObjectNode) StrictJson.MAPPER.readTree(resultJson.toFile());
    node.remove("provenance");
    return node;
  }
}
