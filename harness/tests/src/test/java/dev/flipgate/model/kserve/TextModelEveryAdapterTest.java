package dev.flipgate.model.kserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.SentimentReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TF-IDF text model gives the same answers however Flipgate reaches it: in-process (an ONNX
 * string tensor), over KServe v2 (a BYTES tensor to the test server on loopback, which runs the
 * same file) and as a predictions file (written by onnxruntime-node in {@code reference/flips.js},
 * outside Flipgate). Gated against the in-process model, each has no flip and the same scores.
 */
class TextModelEveryAdapterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"kserve", "file"})
  void answersAsTheInProcessModelDoes(String candidate) throws Exception {
    Path sentiment = SentimentReference.goldenSet();
    Path model = sentiment.resolve("models/tfidf_lr_rt_polarity.onnx");
    for (String file : List.of("manifest.yaml", "examples.jsonl", "golden-set.lock")) {
      Files.copy(sentiment.resolve(file), directory.resolve(file));
    }
    writePredictions(directory.resolve("tfidf-predictions.jsonl"));
    try (var server = KServeTestServer.start().serve("tfidf", model)) {
      Files.writeString(directory.resolve("suite.yaml"), """
          name: tfidf-adapters
          goldenSet: .
          seed: 1
          deployed:
            type: onnx
            name: tfidf-in-process
            file: %1$s
            input: { name: text, shape: [-1] }
            output: { name: probability, kind: positive-probability }
            classes: [negative, positive]
            batchSize: 256
          candidates:
            kserve:
              type: kserve-v2
              name: tfidf-over-kserve
              url: %2$s
              model: tfidf
              input: { name: text, shape: [-1] }
              output: { name: probability, kind: positive-probability }
              classes: [negative, positive]
              batchSize: 64
            file:
              type: predictions
              name: tfidf-file
              file: tfidf-predictions.jsonl
          defaultCandidate: kserve
          policy:
            rules:
              - rule: max-negative-flip-rate
                slices: [all]
                max: 0.0
          """.formatted(model, server.url()));

      CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--candidate", candidate,
          "--out", directory.resolve("out").toString(), "--quiet", "--no-cache");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      JsonNode all = StreamSupport.stream(JSON.readTree(directory.resolve("out/result.json").toFile()).path("slices")
          .spliterator(), false).filter(s -> s.path("name").asText().equals("all")).findFirst().orElseThrow();
      assertThat(all.path("n").asInt()).isEqualTo(3000);
      assertThat(all.path("negativeFlips").asInt()).isZero();
      assertThat(all.path("positiveFlips").asInt()).isZero();
      for (String metric : List.of("accuracy", "rocAuc", "logLoss", "brierScore")) {
        assertThat(all.path("candidate").path(metric).asDouble()).as(metric)
            .isCloseTo(all.path("deployed").path(metric).asDouble(), within(1e-6));
      }
      if (candidate.equals("kserve")) {
        assertThat(server.inferRequests()).isGreaterThanOrEqualTo(3000 / 64);
      }
    }
  }

  private static void writePredictions(Path file) throws Exception {
    SentimentReference.requireInstalled();
    Process node = new ProcessBuilder("node", SentimentReference.goldenSet().resolve("reference/flips.js").toString(),
        SentimentReference.goldenSet().toString(), "--predictions", file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(node.waitFor(120, TimeUnit.SECONDS) && node.exitValue() == 0).as("flips.js --predictions").isTrue();
  }
}
