package dev.flipgate.model.kserve;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelDeclaration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A KServe v2 declaration checked and completed with defaults: 32 examples a request, 4 requests
 * in flight, 2 s to connect, 30 s for an answer, 4 attempts with backoff from 100 ms to 5 s. The
 * header values come from the environment, read once here; they are only ever put on requests.
 */
record KServeSettings(
    URI base, String model, String version, int batchSize, int concurrency, Duration connectTimeout,
    Duration readTimeout, RetryPolicy retries, Map<String, String> headers) {

  static KServeSettings of(ModelDeclaration.KServeV2 declaration, Path suiteFile, Function<String, String> environment) {
    var problem = Problem.at(suiteFile).part("model '" + declaration.name() + "'");
    URI base;
    try {
      base = URI.create(require(declaration.url(), "url", problem).replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw problem.expected("url: an http or https URL, e.g. http://127.0.0.1:8080").found("'" + declaration.url() + "'")
          .whatToDo("fix url").configurationError("not a URL");
    }
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
      throw Problem.at(suiteFile).part("model '" + declaration.name() + "'")
          .expected("url: an http or https URL, e.g. http://127.0.0.1:8080").found("'" + declaration.url() + "'")
          .whatToDo("fix url").configurationError("not an http(s) URL");
    }
    String model = require(declaration.model(), "model", Problem.at(suiteFile).part("model '" + declaration.name() + "'"));
    var headers = new LinkedHashMap<String, String>();
    if (declaration.headersFromEnv() != null) {
      declaration.headersFromEnv().forEach((header, variable) -> {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
          throw Problem.at(suiteFile).part("model '" + declaration.name() + "', header " + header)
              .expected("the environment variable " + variable + " to hold the header's value")
              .found(value == null ? "it is not set" : "it is empty")
              .whatToDo("export " + variable + " before running the gate").configurationError("missing credential");
        }
        headers.put(header, value);
      });
    }
    return new KServeSettings(base, model, declaration.version(),
        positive(declaration.batchSize(), 32, "batchSize", suiteFile, declaration),
        positive(declaration.concurrency(), 4, "concurrency", suiteFile, declaration),
        Duration.ofMillis(positive(declaration.connectTimeoutMs(), 2_000, "connectTimeoutMs", suiteFile, declaration)),
        Duration.ofMillis(positive(declaration.readTimeoutMs(), 30_000, "readTimeoutMs", suiteFile, declaration)),
        new RetryPolicy(positive(declaration.maxAttempts(), 4, "maxAttempts", suiteFile, declaration),
            Duration.ofMillis(positive(declaration.initialBackoffMs(), 100, "initialBackoffMs", suiteFile, declaration)),
            Duration.ofMillis(positive(declaration.maxBackoffMs(), 5_000, "maxBackoffMs", suiteFile, declaration))),
        Map.copyOf(headers));
  }

  /** {@code /v2/models/{model}[/versions/{version}]}: where the model's endpoints are. */
  URI modelPath(String suffix) {
    String path = "/v2/models/" + model + (version == null || version.isBlank() ? "" : "/versions/" + version) + suffix;
    return URI.create(base + path);
  }

  /** The endpoint without credentials, for messages and the model's identity. */
  String where() {
    return modelPath("").toString();
  }

  private static String require(String value, String field, Problem.Builder problem) {
    if (value == null || value.isBlank()) {
      throw problem.expected(field + ": a value").found("none").whatToDo("declare " + field).configurationError("missing " + field);
    }
    return value;
  }

  private static int positive(Integer value, int fallback, String field, Path suiteFile, ModelDeclaration.KServeV2 declaration) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw Problem.at(suiteFile).part("model '" + declaration.name() + "'").expected(field + ": at least 1")
          .found(String.valueOf(value)).whatToDo("fix " + field).configurationError("unusable " + field);
    }
    return value;
  }
}
