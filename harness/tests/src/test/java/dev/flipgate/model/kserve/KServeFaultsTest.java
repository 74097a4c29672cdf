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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed model behind a real KServe v2 server on loopback, spoiled by one fault at a time:
 * 48 real MNIST images in 6 requests of 8 (and 2 order-check rows), 2 in flight, an answer due within 500 ms, 3 attempts.
 * Every fault ends in the same PROMOTE as a clean run (after retries) or in exit 3 naming the
 * examples that could not be predicted and writing no result — never in a PROMOTE without them.
 */
class KServeFaultsTest {
  private static final int EXAMPLES = 48;
  private static final int REQUESTS = EXAMPLES / 8;

  @TempDir Path directory;
  private KServeTestServer server;
  private final MiniMnist mini = new MiniMnist(EXAMPLES);
  private CliRun run;

  @BeforeEach
  void startServer() throws Exception {
    server = KServeTestServer.start().serve("mnist", RepositoryPaths.mnistModel("mnist-8.onnx"));
    server.setSlowMillis(2_000);
    mini.extra = "latency: { samples: 0 }\n"; // the requests counted here are the prediction pass's
    mini.deployed = """
        deployed:
          type: kserve-v2
          name: mnist-8
          url: %s
          model: mnist
          input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW }
          output: { name: Plus214_Output_0, kind: logits }
          batchSize: 10
          concurrency: 2
          readTimeoutMs: 500
          maxAttempts: 3
          initialBackoffMs: 10
        """.formatted(server.url());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CliRun gate() {
    Path suite = mini.writeTo(directory);
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-cache");
    return run;
  }

  private void assertRecoveredAfter(int extraRequests) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(server.inferRequests()).isEqualTo(REQUESTS + extraRequests);
    assertThat(directory.resolve("out/result.json")).exists();
    mini.ids().forEach(id -> assertThat(server.timesAsked(id)).as(id).isPositive());
  }

  private void assertFailedClosed(String... messageParts) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains(messageParts);
    assertThat(run.out()).doesNotContain("PROMOTE");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void aCleanRunAsksForEveryExampleOnce() {
    gate();

    assertRecoveredAfter(0);
    mini.ids().forEach(id -> assertThat(server.timesAsked(id)).as(id).isEqualTo(1));
    assertThat(server.mostRowsInARequest()).as("order-check rows included, no request exceeds batchSize").isEqualTo(10);
  }

  @Nested
  class RetriedUntilAnswered {
    @Test
    void aServerError() {
      server.inject(Fault.SERVER_ERROR);
      gate();
      assertRecoveredAfter(1);
    }

    @Test
    void tooManyRequestsWithRetryAfter() {
      server.inject(Fault.TOO_MANY_REQUESTS);
      gate();
      assertRecoveredAfter(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeout() {
      server.inject(Fault.SLOW);
      gate();
      assertRecoveredAfter(1);
    }

    @Test
    void aConnectionResetMidBody() {
      server.inject(Fault.RESET_MID_BODY);
      gate();
      assertRecoveredAfter(1);
    }
  }

  @Nested
  class FailedClosed {
    @Test
    void serverErrorsOnEveryAttempt() {
      server.injectOn(mini.ids().get(0), Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
      gate();
      assertFailedClosed("model 'mnist-8' did not answer", "HTTP 500: injected server error", "(after 3 attempts)",
          "examples " + String.join(", ", mini.ids().subList(0, 8)));
    }

    @Test
    void noAnswerWithinTheTimeoutOnEveryAttempt() {
      server.injectOn(mini.ids().get(0), Fault.SLOW, Fault.SLOW, Fault.SLOW);
      gate();
      assertFailedClosed("no answer within 500 ms", "examples t10k-");
    }

    @Test
    void malformedJson() {
      server.inject(Fault.MALFORMED_JSON);
      gate();
      assertFailedClosed("malformed inference response", "unparseable JSON", "examples t10k-");
    }

    @Test
    void anOutputWithTheWrongShape() {
      server.inject(Fault.WRONG_SHAPE);
      gate();
      assertFailedClosed("wrong output shape", "output shape [10, 10]: one row per example asked", "shape [9, 10]");
    }

    @Test
    void aClientErrorIsNotRetried() {
      server.injectOn(mini.ids().get(0), Fault.BAD_REQUEST);
      gate();
      assertFailedClosed("HTTP 400: injected bad request", "it is not retried");
      assertThat(server.timesAsked(mini.ids().get(0))).as("the refused batch is asked once").isEqualTo(1);
    }

    @Test
    void aModelThatIsNotReady() {
      server.setReady(false);
      gate();
      assertFailedClosed("model 'mnist-8' is not ready", "none of the 48 examples could be predicted", "HTTP 503");
      assertThat(server.inferRequests()).isZero();
    }

    @Test
    void aServerThatIsNotThere() throws IOException {
      server.close();
      gate();
      assertFailedClosed("model 'mnist-8' is not ready", "connection failed");
    }
  }

  @Test
  void aMissingCredentialIsAConfigurationErrorNamingTheVariable() throws IOException {
    mini.deployed = mini.deployed + "  headersFromEnv: { Authorization: FLIPGATE_TEST_TOKEN_THAT_IS_NOT_SET }\n";
    gate();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing credential", "FLIPGATE_TEST_TOKEN_THAT_IS_NOT_SET", "it is not set");
    assertThat(Files.exists(directory.resolve("out/result.json"))).isFalse();
  }
}
