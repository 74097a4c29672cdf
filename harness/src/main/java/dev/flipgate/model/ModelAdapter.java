package dev.flipgate.model;

import java.util.List;

/**
 * A model the harness can ask for predictions, wherever it lives. Implementations answer a batch
 * of at most {@link #batchSize()} inputs with one prediction per input, in order, or throw a
 * {@link dev.flipgate.failure.ModelFailureException} naming the examples that could not be
 * answered. A new kind of model is one new implementation plus one line in {@link ModelAdapters}.
 */
public interface ModelAdapter extends AutoCloseable {

  ModelIdentity identity();

  int batchSize();

  List<Prediction> predict(List<ModelInput> batch);

  @Override
  void close();
}
