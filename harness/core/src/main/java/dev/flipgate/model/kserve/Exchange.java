package dev.flipgate.model.kserve;

import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.tensor.OutputRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * HTTP exchanges with the server, asynchronous and retried by the {@link RetryPolicy}: a
 * connection error, a timeout, a 5xx or a 429 is tried again after a scheduled (never slept)
 * backoff, a 429's {@code Retry-After} honoured; any other 4xx is final, as asking again cannot
 * change it. Headers from the environment go on every request and into nothing else.
 */
final class Exchange {
  private final List<HttpClient> clients;
  private final KServeSettings settings;
  private final String modelName;
  /** Built once: parsing the URI for every request is work on each lane's critical path. */
  private final URI inferUri;

  /** Lane {@code i} talks through {@code clients[i % clients.size()]}: each client has one selector thread. */
  Exchange(List<HttpClient> clients, KServeSettings settings, String modelName) {
    this.clients = List.copyOf(clients);
    this.settings = settings;
    this.modelName = modelName;
    this.inferUri = settings.modelPath("/infer");
  }

  /** What one attempt came to: an answer, or why it failed and whether asking again may help. */
  private sealed interface Attempt {
    record Answered(int status, byte[] body) implements Attempt {}

    record Failed(String why, boolean retryable, Optional<Duration> retryAfter) implements Attempt {}
  }

  void awaitReady(int examples) {
    Attempt attempt = withRetries(0, () -> request(settings.modelPath("/ready")).GET().build(), 1).join();
    if (attempt instanceof Attempt.Answered answered && answered.status() == 200) {
      return;
    }
    throw Problem.at(settings.where() + "/ready").part("none of the " + examples + " examples could be predicted")
        .expected("HTTP 200: the model is ready").found(describe(attempt))
        .whatToDo("check the model is deployed and loaded (GET " + settings.modelPath("/ready") + ") and run again")
        .modelFailure("model '" + modelName + "' is not ready");
  }

  /** The model's metadata ({@code GET /v2/models/{model}}), part of its identity; empty when not served. */
  byte[] metadata() {
    Attempt attempt = withRetries(0, () -> request(settings.modelPath("")).GET().build(), 1).join();
    return attempt instanceof Attempt.Answered answered && answered.status() == 200 ? answered.body() : new byte[0];
  }

  /** The inference response's body; completes exceptionally with a {@link ModelFailureException} naming the batch. */
  CompletableFuture<byte[]> infer(int lane, byte[] body, List<ModelInput> batch) {
    return withRetries(lane, () -> request(inferUri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 1).thenApply(attempt -> {
          if (attempt instanceof Attempt.Answered answered && answered.status() == 200) {
            return answered.body();
          }
          throw Problem.at(settings.where() + "/infer").part("examples " + OutputRows.ids(batch))
              .expected("HTTP 200 with the inference response").found(describe(attempt))
              .whatToDo(attempt instanceof Attempt.Answered a && a.status() >= 400 && a.status() < 500 && a.status() != 429
                  ? "fix the request the server refuses (input name, shape, datatype, credentials); it is not retried"
                  : "check the server's health and capacity; these examples could not be predicted")
              .modelFailure("model '" + modelName + "' did not answer");
        });
  }

  private HttpRequest.Builder request(URI uri) {
    var builder = HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
    settings.headers().forEach(builder::header);
    return builder;
  }

  private CompletableFuture<Attempt> withRetries(int lane, Supplier<HttpRequest> request, int attemptNumber) {
    RetryPolicy policy = settings.retries();
    return once(clients.get(lane % clients.size()), request.get()).thenCompose(attempt -> {
      if (!(attempt instanceof Attempt.Failed failed) || !failed.retryable() || attemptNumber >= policy.maxAttempts()) {
        return CompletableFuture.completedFuture(attempt);
      }
      Duration delay = policy.delay(attemptNumber, failed.retryAfter(), ThreadLocalRandom.current());
      var later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
      return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> withRetries(lane, request, attemptNumber + 1));
    });
  }

  private CompletableFuture<Attempt> once(HttpClient client, HttpRequest request) {
    // The request timeout covers the wait for headers; the outer bound also covers a body that stalls.
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .orTimeout(settings.readTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)
        .handle((response, failure) -> failure == null ? answered(response) : failed(failure));
  }

  private static Attempt answered(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      return new Attempt.Failed("HTTP " + status + ": " + V2Protocol.errorText(response.body()), true,
          status == 429 ? RetryPolicy.retryAfter(response.headers().firstValue("Retry-After")) : Optional.empty());
    }
    return new Attempt.Answered(status, response.body());
  }

  private Attempt failed(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return new Attempt.Failed("no answer within " + settings.readTimeout().toMillis() + " ms", true, Optional.empty());
    }
    return new Attempt.Failed("connection failed: " + cause, cause instanceof IOException, Optional.empty());
  }

  private String describe(Attempt attempt) {
    if (attempt instanceof Attempt.Answered answered) {
      return "HTTP " + answered.status() + ": " + V2Protocol.errorText(answered.body());
    }
    var failed = (Attempt.Failed) attempt;
    return failed.why() + (failed.retryable() ? " (after " + settings.retries().maxAttempts() + " attempts)" : "");
  }
}
