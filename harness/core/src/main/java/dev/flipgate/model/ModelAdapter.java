package dev.flipgate.model;

import java.util.function.BiConsumer;
import java.util.List;

/**
 * A model the harness can ask for predictions, wherever it lives. Implementations answer a batch
 * of at most {@link #batchSize()} inputs with one prediction per input, in order, or throw a
 * {@link dev.flipgate.failure.ModelFailureException} naming the examples that could not be
 * answered. A new kind of model is one new implementation plus one line in {@link ModelAdapters}.
 */
public interface ModelAdapter extends AutoCloseable {

  ModelIdentity identity();

  /**
   * Everything that determines this model's answers — not only which model it is, but how its
   * inputs are prepared, how its outputs are read, and for a served model what the server says it
   * serves. The prediction cache keys answers by it: every adapter must name all of it.
   */
  AnswerKey answerKey();

  int batchSize();

  /**
   * Checks, once every answer is in, that the model is still the one the run started with (a
   * served model's metadata unchanged), so answers from two models are never judged as one.
   *
   * @throws dev.flipgate.failure.ModelFailureException when it changed
   */
  default void confirmUnchanged() {}

  List<Prediction> predict(List<ModelInput> batch);

  /**
   * As {@link #predict(List)}, telling {@code answered} about each part of the chunk as soon as it
   * is answered, so it can be kept (the prediction cache) before the whole chunk is done. An
   * adapter that answers the chunk at once tells about it once; it may call from any thread.
   */
  default List<Prediction> predict(List<ModelInput> chunk, BiConsumer<List<ModelInput>, List<Prediction>> answered) {
    List<Prediction> predictions = predict(chunk);
    answered.accept(chunk, predictions);
    return predictions;
  }

  /**
   * Every answer at once, in the order of {@code inputs}, when the model holds them already and
   * can hand them over without being asked batch by batch (stored answers, asked for all their
   * rows in order); empty otherwise.
   *
   * @throws dev.flipgate.failure.ModelFailureException when an input has no answer
   */
  default java.util.Optional<List<Prediction>> storedAnswers(List<ModelInput> inputs) {
    return java.util.Optional.empty();
  }

  /**
   * What the model said on the side during the run — a process's stderr — kept beside the
   * reports; empty for models that say nothing.
   */
  default java.util.Optional<String> sideOutput() {
    return java.util.Optional.empty();
  }

  /**
   * Whether the answers were computed before the run and only read now (a predictions file, a
   * recording): their "latency" would say nothing about the model, and caching them again would
   * only copy them.
   */
  default boolean answersStored() {
    return false;
  }

  @Override
  void close();
}
