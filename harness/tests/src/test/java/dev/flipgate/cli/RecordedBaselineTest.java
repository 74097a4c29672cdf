package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.MiniMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flipgate record} on 300 real MNIST images, then the same gate with the deployed model
 * read from the recording instead of run: the same verdict and numbers. A recording made on
 * another version of the golden set is refused.
 */
class RecordedBaselineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORDED = """
      deployed:
        type: recorded
        name: mnist-8
        file: recordings/mnist-8.recording.jsonl
      """;

  @TempDir Path directory;

  private MiniMnist mini(int size) {
    var mini = new MiniMnist(size);
    mini.candidates = mini.candidates.replace("defaultCandidate: same", "defaultCandidate: cnn");
    mini.policy = """
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 0 }
            - { rule: max-metric-drop, metric: accuracy, slices: [all], max: 0 }
        """;
    mini.extra = "latency: { samples: 0 }\n";
    return mini;
  }

  private JsonNode gate(String out) throws IOException {
    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve(out).toString(),
        "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
    return JSON.readTree(directory.resolve(out + "/result.json").toFile());
  }

  @Test
  void gatingWithTheRecordingGivesTheVerdictAndNumbersOfTheLiveDeployedModel() throws IOException {
    var live = mini(300);
    Path suite = live.writeTo(directory);
    JsonNode withLiveModel = gate("live");

    CliRun record = CliRun.of("record", suite.toString(), "--quiet");
    assertThat(record.exitCode()).as(record.toString()).isZero();
    assertThat(record.out()).contains("recorded mnist-8 (sha256 " + withLiveModel.at("/provenance/models/deployed/sha256").asText());
    assertThat(directory.resolve("recordings/mnist-8.recording.jsonl")).exists();

    var recorded = mini(300);
    recorded.deployed = RECORDED;
    recorded.writeTo(directory);
    JsonNode withRecording = gate("recorded");

    for (String part : List.of("verdict", "slices", "flips", "reasons", "checks", "critical")) {
      assertThat(withRecording.get(part)).as(part).isEqualTo(withLiveModel.get(part));
    }
    assertThat(withRecording.at("/provenance/models/deployed/kind").asText()).isEqualTo("recorded");
    assertThat(withRecording.at("/provenance/models/deployed/sha256")).isEqualTo(withLiveModel.at("/provenance/models/deployed/sha256"));
    assertThat(withLiveModel.path("flips").size()).as("the cnn candidate flips some of these images").isPositive();
  }

  @Test
  void aRecordingOfAnotherGoldenSetVersionIsRefused() throws IOException {
    Path suite = mini(300).writeTo(directory);
    assertThat(CliRun.of("record", suite.toString(), "--quiet").exitCode()).isZero();

    var changed = mini(299); // one example fewer: another golden set
    changed.deployed = RECORDED;
    changed.writeTo(directory);
    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(),
        "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mnist-8.recording.jsonl, line 1", "recording was made against a different golden set",
        "flipgate record");
    assertThat(Files.exists(directory.resolve("out/result.json"))).isFalse();
  }

  @Test
  void aSuiteWhoseDeployedModelIsARecordingCannotBeRecorded() throws IOException {
    var recorded = mini(50);
    recorded.deployed = RECORDED;
    Path suite = recorded.writeTo(directory);

    CliRun run = CliRun.of("record", suite.toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the deployed model is already a recording");
  }
}
