package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A slice of 30 examples cannot show a 0.5 pp accuracy drop, whether or not a flip happened to
 * be drawn. Without a flip a bootstrap gave "+0.00 pp [+0.00, +0.00]" and no warning; the slice
 * is now reported with an interval as wide as its size allows, and underpowered either way.
 */
class SmallSliceEvidenceTest {
  @TempDir Path directory;

  /** A golden set of 200 examples, 30 of them in slice 'small'; the candidate flips {@code flips} of them. */
  private JsonNode gate(int flips) throws IOException {
    var examples = new StringBuilder("id,label,part,f0\n");
    var deployed = new StringBuilder("id,prediction\n");
    var candidate = new StringBuilder("id,prediction\n");
    for (int i = 0; i < 200; i++) {
      String id = "e" + i;
      examples.append(id).append(",cat,").append(i < 30 ? "small" : "large").append(",0.5\n");
      deployed.append(id).append(",cat\n");
      candidate.append(id).append(i < flips ? ",dog\n" : ",cat\n");
    }
    Files.writeString(directory.resolve("examples.csv"), examples);
    Files.writeString(directory.resolve("deployed.csv"), deployed);
    Files.writeString(directory.resolve("candidate.csv"), candidate);
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: small
        classes: [cat, dog]
        input: { columns: { names: [f0] }, shape: [1] }
        examples: { file: examples.csv, metadata: [part] }
        slices:
          - { name: small, where: { column: part, equals: small } }
        """);
    Path suite = Files.writeString(directory.resolve("suite.yaml"), """
        name: small
        goldenSet: .
        deployed: { type: predictions, name: old, file: deployed.csv }
        candidates: { new: { type: predictions, name: new, file: candidate.csv } }
        policy:
          rules:
            - { rule: max-metric-drop, metric: accuracy, slices: [small], max: 0.05 }
        """);
    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
    return new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
  }

  private static JsonNode small(JsonNode result) {
    return StreamSupport.stream(result.path("slices").spliterator(), false)
        .filter(s -> s.path("name").asText().equals("small")).findFirst().orElseThrow();
  }

  @Test
  void aSliceWithoutFlipsIsReportedWithAnIntervalThatReflectsItsSize() throws IOException {
    JsonNode ci = small(gate(0)).path("deltas").path("accuracy").path("ci");

    assertThat(ci.path("method").asText()).isEqualTo("tango-score");
    assertThat(ci.path("low").asDouble()).isLessThan(-0.10);
    assertThat(ci.path("high").asDouble()).isGreaterThan(0.10);
  }

  @ParameterizedTest(name = "{0} flips")
  @ValueSource(ints = {0, 1})
  void isUnderpoweredForAThresholdItCannotRevealWhetherOrNotAFlipWasObserved(int flips) throws IOException {
    JsonNode result = gate(flips);

    assertThat(result.path("underpowered")).hasSize(1);
    assertThat(result.path("underpowered").get(0).path("underpowered").asText())
        .contains("with n = 30", "smallest change in accuracy detectable at 80% power", "more than the threshold 5.000 pp");
  }
}
