package dev.flipgate.model.kserve;

import dev.flipgate.declaration.BoundedSetting;
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
        bounded(suiteFile, declaration, "batchSize", declaration.batchSize(), 32, BoundedSetting.MAX_BATCH),
        bounded(suiteFile, declaration, "concurrency", declaration.concurrency(), 4, BoundedSetting.MAX_CONCURRENCY),
        Duration.ofMillis(bounded(suiteFile, declaration, "connectTimeoutMs", declaration.connectTimeoutMs(), 2_000,
            BoundedSetting.MAX_MILLIS)),
        Duration.ofMillis(bounded(suiteFile, declaration, "readTimeoutMs", declaration.readTimeoutMs(), 30_000,
            BoundedSetting.MAX_MILLIS)),
        new RetryPolicy(bounded(suiteFile, declaration, "maxAttempts", declaration.maxAttempts(), 4, 20),
            Duration.ofMillis(bounded(suiteFile, declaration, "initialBackoffMs", declaration.initialBackoffMs(), 100,
                BoundedSetting.MAX_MILLIS)),
            Duration.ofMillis(bounded(suiteFile, declaration, "maxBackoffMs", declaration.maxBackoffMs(), 5_000,
                BoundedSetting.MAX_MILLIS))),
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

  private static int bounded(Path suiteFile, ModelDeclaration.KServeV2 declaration, String key, Integer value,
      int fallback, int max) {
    return BoundedSetting.of(suiteFile, "model '" + declaration.name() + "'." + key, value, fallback, 1, max);
  }
}
