package dev.flipgate.model.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.MnistRun;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job with the deployed mnist-8 behind a real KServe v2 server on loopback
 * instead of in-process: the same golden set, the same candidate, the same numbers.
 */
class MnistOverKServeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void givesTheSameVerdictSlicesFlipsAndReasonsAsTheInProcessRun() throws Exception {
    Path mnist = RepositoryPaths.mnistSuite().getParent();
    Files.createDirectories(directory.resolve("models"));
    for (String file : List.of("manifest.yaml", "examples.csv.gz", "adversarial.csv.gz", "models/tribuo-pytorch_cnn_mnist.onnx")) {
      Files.copy(mnist.resolve(file), directory.resolve(file));
    }
    try (var server = KServeTestServer.start().serve("mnist-8", mnist.resolve("models/mnist-8.onnx"))) {
      String suite = Files.readString(RepositoryPaths.mnistSuite());
      int start = suite.indexOf("deployed:");
      int end = suite.indexOf("candidates:");
      Files.writeString(directory.resolve("suite.yaml"), suite.substring(0, start) + """
          deployed:
            type: kserve-v2
            name: mnist-8
            url: %s
            model: mnist-8
            input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW, scale: 1.0 }
            output: { name: Plus214_Output_0, kind: logits }
            batchSize: 32
            concurrency: 4

          """.formatted(server.url()) + suite.substring(end));

      CliRun overHttp = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(),
          "--quiet", "--no-cache");

      assertThat(overHttp.exitCode()).as(overHttp.toString()).isEqualTo(MnistRun.cnn().exitCode()).isEqualTo(1);
      JsonNode remote = JSON.readTree(directory.resolve("out/result.json").toFile());
      JsonNode local = JSON.readTree(MnistRun.cnnDirectory().resolve("result.json").toFile());
      // The same answers over HTTP make the same attack searches: the attacks agree too.
      for (String part : List.of("verdict", "slices", "flips", "reasons", "critical", "adversarial", "adversarialFailures",
          "attacks")) {
        assertThat(remote.get(part)).as(part).isEqualTo(local.get(part));
      }
      // Every check but latency's, whose measured value is the one thing that should differ.
      assertThat(answerChecks(remote)).isEqualTo(answerChecks(local)).isNotEmpty();
      assertThat(remote.at("/provenance/models/deployed/kind").asText()).isEqualTo("kserve-v2");
      assertThat(remote.at("/provenance/goldenSet/sha256")).isEqualTo(local.at("/provenance/goldenSet/sha256"));
      // The batched pass over every example, curated adversarial and generated one (30 examples and
      // 2 order-check rows a request of batchSize 32), then the latency probe's 20 warm-up and 300
      // single-example calls.
      int asked = local.at("/provenance/goldenSet/examples").asInt() + local.at("/provenance/goldenSet/adversarialExamples").asInt();
      assertThat(asked).isEqualTo(10_000 + 1_500 + 4 * 500);
      // Then the one-pixel attack on the deployed model: each generation of 40 queries is one ask, 30 a request.
      int attackRequests = 0;
      for (JsonNode example : local.at("/attacks/0/examples")) {
        attackRequests += example.at("/deployed/queries").asInt() / 40 * ((40 + 29) / 30);
      }
      assertThat(server.inferRequests()).isEqualTo((asked + 29) / 30 + 20 + 300 + attackRequests);
    }
  }

  private static List<JsonNode> answerChecks(JsonNode result) {
    var checks = new java.util.ArrayList<JsonNode>();
    result.get("checks").forEach(check -> {
      if (!check.path("subjectKind").asText().equals("latency")) {
        checks.add(check);
      }
    });
    return checks;
  }
}
