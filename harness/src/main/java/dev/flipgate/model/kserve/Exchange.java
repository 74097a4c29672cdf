package dev.flipgate.model.kserve;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.tensor.OutputRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with the server, retried by the {@link RetryPolicy}: a connection error, a
 * timeout, a 5xx or a 429 is tried again (a 429's {@code Retry-After} honoured); any other 4xx
 * is final, as asking again cannot change it. Headers from the environment go on every request
 * and into nothing else.
 */
final class Exchange {
  private final HttpClient client;
  private final KServeSettings settings;
  private final String modelName;

  Exchange(HttpClient client, KServeSettings settings, String modelName) {
    this.client = client;
    this.settings = settings;
    this.modelName = modelName;
  }

  /** What one attempt came to: an answer, or why it failed and whether asking again may help. */
  private sealed interface Attempt {
    record Answered(int status, byte[] body) implements Attempt {}

    record Failed(String why, boolean retryable, Optional<Duration> retryAfter) implements Attempt {}
  }

  void awaitReady(int examples) {
    Attempt attempt = withRetries(() -> request(settings.modelPath("/ready")).GET().build());
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
    Attempt attempt = withRetries(() -> request(settings.modelPath("")).GET().build());
    return attempt instanceof Attempt.Answered answered && answered.status() == 200 ? answered.body() : new byte[0];
  }

  byte[] infer(byte[] body, List<ModelInput> batch) {
    Attempt attempt = withRetries(() -> request(settings.modelPath("/infer")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    if (attempt instanceof Attempt.Answered answered && answered.status() == 200) {
      return answered.body();
    }
    throw Problem.at(settings.where() + "/infer").part("examples " + OutputRows.ids(batch))
        .expected("HTTP 200 with the inference response").found(describe(attempt))
        .whatToDo(attempt instanceof Attempt.Answered a && a.status() >= 400 && a.status() < 500 && a.status() != 429
            ? "fix the request the server refuses (input name, shape, datatype, credentials); it is not retried"
            : "check the server's health and capacity; these examples could not be predicted")
        .modelFailure("model '" + modelName + "' did not answer");
  }

  private HttpRequest.Builder request(URI uri) {
    var builder = HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
    settings.headers().forEach(builder::header);
    return builder;
  }

  private Attempt withRetries(java.util.function.Supplier<HttpRequest> request) {
    RetryPolicy policy = settings.retries();
    Attempt attempt = once(request.get());
    for (int retry = 1; retry < policy.maxAttempts() && shouldRetry(attempt); retry++) {
      Optional<Duration> asked = attempt instanceof Attempt.Failed failed ? failed.retryAfter() : Optional.empty();
      sleep(policy.delay(retry, asked, ThreadLocalRandom.current()));
      attempt = once(request.get());
    }
    return attempt;
  }

  private static boolean shouldRetry(Attempt attempt) {
    return attempt instanceof Attempt.Failed failed && failed.retryable();
  }

  private Attempt once(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      // The request timeout covers the wait for headers; this bound also covers a body that stalls.
      response = future.get(settings.readTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Attempt.Failed("no answer within " + settings.readTimeout().toMillis() + " ms", true, Optional.empty());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      boolean timeout = cause instanceof java.net.http.HttpTimeoutException;
      return new Attempt.Failed(timeout ? "no answer within " + settings.readTimeout().toMillis() + " ms"
          : "connection failed: " + cause, cause instanceof IOException, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Attempt.Failed("interrupted", false, Optional.empty());
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      return new Attempt.Failed("HTTP " + status + ": " + V2Protocol.errorText(response.body()), true,
          status == 429 ? RetryPolicy.retryAfter(response.headers().firstValue("Retry-After")) : Optional.empty());
    }
    return new Attempt.Answered(status, response.body());
  }

  private String describe(Attempt attempt) {
    if (attempt instanceof Attempt.Answered answered) {
      return "HTTP " + answered.status() + ": " + V2Protocol.errorText(answered.body());
    }
    var failed = (Attempt.Failed) attempt;
    return failed.why() + (failed.retryable() ? " (after " + settings.retries().maxAttempts() + " attempts)" : "");
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
