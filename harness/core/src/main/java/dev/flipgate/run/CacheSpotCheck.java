package dev.flipgate.run;

import dev.flipgate.model.AnswerAgreement;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-asks the model a few examples whose answers came from the prediction cache and compares.
 * The {@link dev.flipgate.model.AnswerKey} covers what Flipgate can see of a model; a model that
 * changes where it cannot see — a subprocess that loads other weights, a server that swaps its
 * model without a new version in its metadata — would otherwise be judged on its old answers. An
 * answer that differs proves the cache stale: it is discarded and every example asked afresh.
 *
 * <p>Answers agree as {@link AnswerAgreement} says.
 */
final class CacheSpotCheck {
  /** Examples re-asked per model and run: a cost of a few model calls. */
  static final int SAMPLE = 8;

  private CacheSpotCheck() {}

  /** The first example (of an evenly spread sample) whose fresh answer differs from its cached one. */
  static Optional<String> firstDisagreement(ModelAdapter model, List<ModelInput> cachedInputs, Map<String, Prediction> cached) {
    List<ModelInput> sample = sample(cachedInputs);
    int batchSize = Math.max(1, model.batchSize());
    for (int start = 0; start < sample.size(); start += batchSize) {
      List<ModelInput> batch = sample.subList(start, Math.min(sample.size(), start + batchSize));
      List<Prediction> fresh = PredictionCollector.ask(model, batch);
      for (int i = 0; i < batch.size(); i++) {
        String id = batch.get(i).exampleId();
        if (i >= fresh.size() || !AnswerAgreement.agree(cached.get(id), fresh.get(i))) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  static List<ModelInput> sample(List<ModelInput> inputs) {
    List<ModelInput> sample = new ArrayList<>();
    int size = Math.min(SAMPLE, inputs.size());
    for (int i = 0; i < size; i++) {
      sample.add(inputs.get((int) ((long) i * inputs.size() / size)));
    }
    return sample;
  }
}
