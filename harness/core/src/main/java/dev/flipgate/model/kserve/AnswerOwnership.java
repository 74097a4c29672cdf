package dev.flipgate.model.kserve;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.tensor.OutputRows;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Proves that an inference response answers the request it came back on, from the model the run
 * started with, one row per example asked — before any of its numbers become predictions. A
 * response with another request's id, without the id the protocol requires a server to echo,
 * from another model or another version than the run's first answer, or with a row more or
 * fewer than asked cannot be matched to its examples: each is a model failure naming the request
 * and its examples, never an answer taken on trust (a padded row would shift every answer by one).
 */
final class AnswerOwnership {
  private final String where;
  private final String model;
  private final Optional<String> declaredVersion;
  /** The version the first answer named: a model swapped behind the URL during the run names another. */
  private final AtomicReference<String> servedVersion = new AtomicReference<>();

  AnswerOwnership(String where, String model, String declaredVersion) {
    this.where = where;
    this.model = model;
    this.declaredVersion = Optional.ofNullable(declaredVersion).filter(v -> !v.isBlank());
  }

  void check(V2Protocol.Output output, String requestId, List<ModelInput> batch, int width) {
    if (!output.requestId().equals(Optional.of(requestId))) {
      throw failure(requestId, batch, "the response id '" + requestId + "' (a server must echo the request's id)",
          output.requestId().map(id -> "'" + id + "'").orElse("no id"), "an answer to another request");
    }
    if (output.modelName().isPresent() && !output.modelName().get().equals(model)) {
      throw failure(requestId, batch, "an answer of model '" + model + "'", "model_name '" + output.modelName().get() + "'",
          "an answer from another model");
    }
    output.modelVersion().ifPresent(version -> checkVersion(version, requestId, batch));
    long[] shape = output.shape();
    boolean oneRowEach = shape.length > 0 && shape[0] == batch.size();
    boolean rowWidth = shape.length == 2 ? shape[1] == width : shape.length == 1 && width == 1;
    if (!oneRowEach || !rowWidth) {
      throw failure(requestId, batch, "output shape [" + batch.size() + ", " + width + "]: one row per example asked",
          "shape " + Arrays.toString(shape), "wrong output shape");
    }
  }

  private void checkVersion(String version, String requestId, List<ModelInput> batch) {
    if (declaredVersion.isPresent() && !declaredVersion.get().equals(version)) {
      throw failure(requestId, batch, "model_version '" + declaredVersion.get() + "', as the suite declares",
          "'" + version + "'", "an answer from another model version");
    }
    String first = servedVersion.compareAndExchange(null, version);
    if (first != null && !first.equals(version)) {
      throw failure(requestId, batch, "model_version '" + first + "', as the run's earlier answers",
          "'" + version + "': the model behind the URL changed during the run", "the served model changed");
    }
  }

  private RuntimeException failure(String requestId, List<ModelInput> batch, String expected, String found, String summary) {
    return Problem.at(where + "/infer").part("request " + requestId + ", examples " + OutputRows.ids(batch))
        .expected(expected).found(found)
        .whatToDo("check the server (its batching, routing and deployments); answers that cannot be matched to their"
            + " examples are never used")
        .modelFailure(summary);
  }
}
