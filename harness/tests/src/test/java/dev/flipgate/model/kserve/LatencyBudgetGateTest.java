package dev.flipgate.model.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.MiniMnist;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate that gives the same answers as the deployed model but behind a server whose every
 * answer takes at least 3 ms: a 1 ms p95 budget blocks it with a latency reason. (The server's
 * delay is a floor, so this does not depend on how fast the machine is.)
 */
class LatencyBudgetGateTest {
  @TempDir Path directory;

  @Test
  void aOneMillisecondP95BudgetBlocksACandidateThatTakesThree() throws Exception {
    var mini = new MiniMnist(60);
    try (var server = KServeTestServer.start().serve("mnist-8", RepositoryPaths.mnistModel("mnist-8.onnx"))) {
      server.setAnswerDelayMillis(3);
      mini.candidates = """
          candidates:
            served:
              type: kserve-v2
              name: mnist-8-served
              url: %s
              model: mnist-8
              input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW }
              output: { name: Plus214_Output_0, kind: logits }
              batchSize: 8
          latency: { warmup: 5, samples: 40 }
          """.formatted(server.url());
      mini.policy = """
          policy:
            rules:
              - { rule: max-negative-flip-rate, slices: [all], max: 0 }
              - { rule: max-latency, percentile: 95, maxMs: 1 }
          """;
      Path suite = mini.writeTo(directory);

      CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-cache");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out()).contains("max-latency: candidate p95 latency is", "above the budget 1.00 ms");
      JsonNode result = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
      assertThat(result.at("/reasons/0/rule").asText()).isEqualTo("max-latency");
      assertThat(result.at("/reasons/0/latency").asText()).isEqualTo("p95");
      assertThat(result.at("/latency/measured").asBoolean()).isTrue();
      assertThat(result.at("/latency/samples").asInt()).isEqualTo(40);
      assertThat(result.at("/latency/candidate/p95Ms").asDouble()).isGreaterThanOrEqualTo(3.0);
      assertThat(result.at("/latency/deployed/p95Ms").asDouble()).isLessThan(result.at("/latency/candidate/p95Ms").asDouble());
      assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("## Latency", "| candidate |", "| deployed |");
      // warm-up and samples were asked one example at a time, on top of the batched pass (6 examples and
      // 2 order-check rows a request of batchSize 8)
      assertThat(server.inferRequests()).isEqualTo((60 + 5) / 6 + 5 + 40);
    }
  }
}
