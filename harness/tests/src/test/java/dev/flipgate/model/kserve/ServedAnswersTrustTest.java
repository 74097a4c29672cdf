package dev.flipgate.model.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.KServeTestServer.Fault;
import dev.flipgate.testing.MiniMnist;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A served model's answers are used only when they provably belong to the examples asked, from
 * the model the run started with — with the prediction cache on and off. The candidate is real
 * mnist-8 behind a real KServe v2 server on loopback, the deployed model the same file
 * in-process, and the policy blocks on any negative flip: the clean run PROMOTEs, and a model
 * swapped in behind the URL (mnist-8 with its classes rotated) BLOCKs, so an answer taken on trust
 * from the wrong example or the wrong model would show as a wrong verdict.
 */
class ServedAnswersTrustTest {
  private static final int EXAMPLES = 48;

  @TempDir Path directory;
  private KServeTestServer server;
  private final MiniMnist mini = new MiniMnist(EXAMPLES);

  @BeforeEach
  void serveMnist8() throws Exception {
    server = KServeTestServer.start().serve("mnist", RepositoryPaths.mnistModel("mnist-8.onnx"));
    mini.extra = "latency: { samples: 0 }\n";
    mini.policy = """
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 0 }
        """;
    mini.candidates = """
        candidates:
          served:
            type: kserve-v2
            name: mnist-8-served
            url: %s
            model: mnist
            input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW }
            output: { name: Plus214_Output_0, kind: logits }
            batchSize: 10
            concurrency: 2
            maxAttempts: 1
        """.formatted(server.url());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CliRun gate(boolean cached, String out) {
    Path suite = mini.writeTo(directory);
    List<String> args = new ArrayList<>(List.of("gate", suite.toString(), "--out", directory.resolve(out).toString(), "--quiet"));
    args.addAll(cached ? List.of("--cache-dir", directory.resolve("cache").toString()) : List.of("--no-cache"));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertNoPromoteAnywhere() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals("result.json")).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("\"PROMOTE\"");
      }
    }
  }

  static Stream<Arguments> misalignments() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean cached : new boolean[] {false, true}) {
      cases.add(Arguments.of(Fault.EXTRA_ROW, cached, new String[] {"wrong output shape", "shape [11, 10]", "[10, 10]"}));
      cases.add(Arguments.of(Fault.WRONG_SHAPE, cached, new String[] {"wrong output shape", "shape [9, 10]"}));
      cases.add(Arguments.of(Fault.REORDERED_ROWS, cached, new String[] {"the server answered rows out of order",
          "where it was asked and for its copy"}));
      cases.add(Arguments.of(Fault.FOREIGN_ID, cached, new String[] {"an answer to another request", "-other'"}));
      cases.add(Arguments.of(Fault.NO_ID, cached, new String[] {"an answer to another request", "found:    no id"}));
      cases.add(Arguments.of(Fault.WRONG_WIDTH, cached, new String[] {"wrong output shape", "shape [50, 2]"}));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, cache {1}")
  @MethodSource("misalignments")
  void anAnswerThatCannotBeMatchedToItsExamplesIsAModelFailure(Fault fault, boolean cached, String[] message)
      throws IOException {
    server.inject(fault);

    CliRun run = gate(cached, "out");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains(message).contains("request mnist-8-served-", "examples t10k-");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
    assertNoPromoteAnywhere();
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(booleans = {false, true})
  void aCleanRunPromotes(boolean cached) {
    CliRun run = gate(cached, "out");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Nested
  class AModelSwappedBehindTheSameUrl {
    private Path shifted() {
      return RepositoryPaths.testResource("models/mnist-8-shifted-classes.onnx");
    }

    @Test
    void betweenRunsWithANewVersionInItsMetadataIsAskedAgainNotServedFromTheCache() throws Exception {
      assertThat(gate(true, "first").exitCode()).isZero();
      server.serve("mnist", shifted());
      int before = server.inferRequests();

      CliRun cachedRun = gate(true, "second");
      CliRun freshRun = gate(false, "third");

      assertThat(freshRun.exitCode()).as(freshRun.toString()).isEqualTo(1);
      assertThat(cachedRun.exitCode()).as("the cached run's verdict is the fresh run's\n" + cachedRun).isEqualTo(1);
      assertThat(server.inferRequests() - before).as("both runs asked the swapped model everything").isEqualTo(2 * 6);
    }

    @Test
    void betweenRunsWithUnchangedMetadataIsCaughtByTheSpotCheckAndAskedAgain() throws Exception {
      server.namingVersions(false);
      assertThat(gate(true, "first").exitCode()).isZero();
      server.serve("mnist", shifted());

      CliRun cachedRun = gate(true, "second");

      assertThat(cachedRun.exitCode()).as("the stale cache is set aside, not trusted\n" + cachedRun).isEqualTo(1);
      try (Stream<Path> files = Files.list(directory.resolve("cache"))) {
        assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.contains(".stale-"));
      }
    }

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {false, true})
    void duringARunIsAModelFailure(boolean cached) throws IOException {
      server.swapAfter(2, "mnist", shifted());

      CliRun run = gate(cached, "out");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).containsAnyOf("the served model changed", "an answer from another model version");
      assertNoPromoteAnywhere();
    }
  }
}
