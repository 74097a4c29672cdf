package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flip is in flips.csv.gz; result.json lists them too until there are more than 10,000,
 * and then only the first 10,000 negative flips, saying so — so a large run's result.json stays
 * readable while nothing is lost.
 */
class FlipsFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path directory;

  /**
   * {@code n} examples of class cat, right under the deployed model; the candidate answers dog on
   * the first {@code negative}, and the deployed model is wrong where {@code positive} more follow.
   */
  private JsonNode gate(int n, int negative, int positive) throws IOException {
    var examples = new StringBuilder("id,label\n");
    var deployed = new StringBuilder("id,prediction\n");
    var candidate = new StringBuilder("id,prediction\n");
    for (int i = 0; i < n; i++) {
      examples.append("e").append(i).append(",cat\n");
      boolean lost = i < negative;
      boolean gained = !lost && i < negative + positive;
      deployed.append("e").append(i).append(gained ? ",dog\n" : ",cat\n");
      candidate.append("e").append(i).append(lost ? ",dog\n" : ",cat\n");
    }
    Files.writeString(directory.resolve("examples.csv"), examples);
    Files.writeString(directory.resolve("deployed.csv"), deployed);
    Files.writeString(directory.resolve("candidate.csv"), candidate);
    Files.writeString(directory.resolve("manifest.yaml"), "name: many\nclasses: [cat, dog]\nexamples: { file: examples.csv }\n");
    Path suite = Files.writeString(directory.resolve("suite.yaml"), """
        name: many
        goldenSet: .
        latency: { samples: 0 }
        deployed: { type: predictions, name: old, file: deployed.csv }
        candidates: { new: { type: predictions, name: new, file: candidate.csv } }
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 1 }
        """);
    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return JSON.readTree(directory.resolve("out/result.json").toFile());
  }

  private List<CSVRecord> flipsFile() throws IOException {
    try (var reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(directory.resolve("out/flips.csv.gz"))), StandardCharsets.UTF_8))) {
      return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords());
    }
  }

  @Test
  void aFewFlipsAreListedInBothWithTheSameDetail() throws IOException {
    JsonNode result = gate(20, 3, 2);

    assertThat(result.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(result.path("flipsTruncated").asBoolean()).isFalse();
    assertThat(result.path("flipsFile").asText()).isEqualTo("flips.csv.gz");
    assertThat(result.path("flipCounts").path("negative").asLong()).isEqualTo(3);
    assertThat(result.path("flipCounts").path("positive").asLong()).isEqualTo(2);
    List<CSVRecord> file = flipsFile();
    assertThat(file).extracting(r -> r.get("id")).containsExactly("e0", "e1", "e2", "e3", "e4");
    assertThat(result.path("flips")).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JsonNode inline = result.path("flips").get(i);
      assertThat(file.get(i).get("id")).isEqualTo(inline.path("id").asText());
      assertThat(file.get(i).get("kind")).isEqualTo(inline.path("kind").asText());
      assertThat(file.get(i).get("deployed")).isEqualTo(inline.path("deployed").asText());
      assertThat(file.get(i).get("candidate")).isEqualTo(inline.path("candidate").asText());
      assertThat(file.get(i).get("slices")).isEqualTo("all");
    }
  }

  @Test
  void beyondTenThousandResultJsonKeepsTheFirstNegativeFlipsAndTheFileKeepsThemAll() throws IOException {
    JsonNode result = gate(12_500, 10_200, 1_000);

    assertThat(result.path("flipsTruncated").asBoolean()).isTrue();
    assertThat(result.path("flipCounts").path("negative").asLong()).isEqualTo(10_200);
    assertThat(result.path("flipCounts").path("positive").asLong()).isEqualTo(1_000);
    assertThat(result.path("flips")).hasSize(10_000);
    assertThat(result.path("flips")).allSatisfy(f -> assertThat(f.path("kind").asText()).isEqualTo("negative"));
    assertThat(result.path("flips").get(9_999).path("id").asText()).isEqualTo("e9999");
    List<CSVRecord> file = flipsFile();
    assertThat(file).hasSize(11_200);
    assertThat(file.get(11_199).get("id")).isEqualTo("e11199");
    assertThat(file.get(11_199).get("kind")).isEqualTo("positive");
    assertThat(Files.readString(directory.resolve("out/summary.md")))
        .contains("## Negative flips (10200)", "more in flips.csv.gz");
  }
}
