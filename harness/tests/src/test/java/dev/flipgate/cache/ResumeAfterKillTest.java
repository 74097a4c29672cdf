package dev.flipgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.MiniMnist;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in its own JVM, killed (SIGKILL) half way through asking a real KServe v2 server,
 * then run again with the same prediction cache: the server's own request counts show that no
 * example answered before the kill is asked again, and the result equals an uninterrupted run.
 */
class ResumeAfterKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXAMPLES = 160;

  @TempDir Path directory;

  @Test
  void aKilledRunResumesWithoutAskingAgainWhatWasAnswered() throws Exception {
    try (var server = KServeTestServer.start()
        .serve("deployed", RepositoryPaths.mnistModel("mnist-8.onnx"))
        .serve("candidate", RepositoryPaths.mnistModel("mnist-8-int8-qdq.derived.onnx"))) {
      server.setAnswerDelayMillis(25);
      var mini = new MiniMnist(EXAMPLES);
      mini.deployed = served("deployed", "mnist-8", server.url());
      mini.candidates = "candidates:\n  int8:\n" + served("candidate", "mnist-8-int8", server.url()).replace("deployed:\n", "")
          .lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
      mini.extra = "latency: { samples: 0 }\n";
      Path suite = mini.writeTo(directory);
      Path cache = directory.resolve("cache");

      CliRun uninterrupted = CliRun.of("gate", suite.toString(), "--out", directory.resolve("uninterrupted").toString(),
          "--quiet", "--no-cache");
      assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isIn(0, 1);

      int before = server.inferRequests();
      Process gate = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
          "dev.flipgate.cli.FlipgateMain", "gate", suite.toString(), "--out", directory.resolve("killed").toString(),
          "--quiet", "--cache-dir", cache.toString(), "--ledger", directory.resolve("ledger.sqlite").toString())
          .redirectErrorStream(true).redirectOutput(directory.resolve("killed.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (server.inferRequests() < before + 15 && gate.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(gate.isAlive()).as("the gate is still asking when it is killed: " + Files.readString(directory.resolve("killed.log")))
          .isTrue();
      gate.destroyForcibly().waitFor();
      assertThat(directory.resolve("killed/result.json")).doesNotExist();

      Map<String, Set<String>> cachedBeforeResume = cachedIds(cache);
      Map<String, Integer> askedBeforeResume = counts(server, mini.ids());
      CliRun resumed = CliRun.of("gate", suite.toString(), "--out", directory.resolve("resumed").toString(), "--quiet",
          "--cache-dir", cache.toString());

      assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(uninterrupted.exitCode());
      JsonNode expected = JSON.readTree(directory.resolve("uninterrupted/result.json").toFile());
      JsonNode actual = JSON.readTree(directory.resolve("resumed/result.json").toFile());
      for (String part : List.of("verdict", "slices", "flips", "reasons", "checks")) {
        assertThat(actual.get(part)).as(part).isEqualTo(expected.get(part));
      }
      // The deployed model's cache file is the one whose determinants name its endpoint and metadata.
      String deployedSha = actual.at("/provenance/models/deployed/sha256").asText();
      Set<String> answeredBeforeKill = cachedBeforeResume.entrySet().stream().filter(e -> e.getKey().contains(deployedSha))
          .map(Map.Entry::getValue).findFirst().orElse(Set.of());
      assertThat(answeredBeforeKill).as("answers the killed run had stored").hasSizeGreaterThanOrEqualTo(8);
      int cachedAskedAgain = 0;
      for (String id : mini.ids()) {
        int askedAgain = server.timesAsked("deployed", id) - askedBeforeResume.get(id);
        if (answeredBeforeKill.contains(id)) {
          assertThat(askedAgain).as(id + ", cached: asked again only by the spot check").isBetween(0, 1);
          cachedAskedAgain += askedAgain;
        } else {
          assertThat(askedAgain).as(id + ", not cached").isEqualTo(1);
        }
      }
      assertThat(cachedAskedAgain).as("cached answers re-asked: the spot check's sample, no more").isBetween(1, 8);
    }
  }

  private static String served(String model, String name, String url) {
    return """
        deployed:
          type: kserve-v2
          name: %s
          url: %s
          model: %s
          input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW }
          output: { name: Plus214_Output_0, kind: logits }
          batchSize: 4
          concurrency: 1
        """.formatted(name, url, model);
  }

  private static Map<String, Integer> counts(KServeTestServer server, List<String> ids) {
    var counts = new HashMap<String, Integer>();
    ids.forEach(id -> counts.put(id, server.timesAsked("deployed", id)));
    return counts;
  }

  /** The example ids each cache file holds intact answers for, read as the cache reads them. */
  private static Map<String, Set<String>> cachedIds(Path cache) throws IOException {
    var ids = new HashMap<String, Set<String>>();
    try (var files = Files.list(cache)) {
      for (Path file : files.toList()) {
        var found = new HashSet<String>();
        for (String line : Files.readAllLines(file)) {
          try {
            JsonNode entry = JSON.readTree(line).get("entry");
            var crc = new java.util.zip.CRC32();
            crc.update(entry.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (JSON.readTree(line).path("crc").asLong() == crc.getValue()) {
              found.add(entry.path("id").asText());
            }
          } catch (IOException | RuntimeException torn) {
            // the line the kill cut short
          }
        }
        ids.put(Files.readAllLines(file).get(0), found); // keyed by the determinants the file begins with
      }
    }
    return ids;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
