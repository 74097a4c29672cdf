package dev.flipgate.run;

import dev.flipgate.attack.Oracle;
import dev.flipgate.cache.PredictionCache;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model as an attack asks it: in the model's batch size, each answer kept in the prediction
 * cache (when there is one) as it comes, and taken from it when asked again — so a killed run's
 * attacks, being deterministic for the seed, replay from the cache up to where they stopped.
 * Counts what it really asked the model.
 */
final class CachedOracle implements Oracle {
  private final ModelAdapter model;
  private final Optional<PredictionCache> cache;
  private final int[] shape;
  private long asked;
  private long fromCache;

  CachedOracle(ModelAdapter model, Optional<PredictionCache> cache, int[] shape) {
    this.model = model;
    this.cache = cache;
    this.shape = shape.clone();
  }

  @Override
  public List<Prediction> ask(List<float[]> inputs) {
    List<ModelInput> asking = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      asking.add(new ModelInput("attack-query-" + i, new InputTensor(inputs.get(i), shape)));
    }
    Prediction[] answers = new Prediction[inputs.size()];
    List<ModelInput> missing = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < asking.size(); i++) {
      ModelInput input = asking.get(i);
      Optional<Prediction> cached = cache.flatMap(c -> c.get(input));
      if (cached.isPresent()) {
        answers[i] = cached.get();
        fromCache++;
      } else {
        missing.add(asking.get(i));
        at.add(i);
      }
    }
    int batchSize = Math.max(1, model.batchSize());
    for (int start = 0; start < missing.size(); start += batchSize) {
      List<ModelInput> batch = missing.subList(start, Math.min(missing.size(), start + batchSize));
      List<Prediction> got = PredictionCollector.ask(model, batch);
      if (got.size() != batch.size()) {
        throw dev.flipgate.failure.Problem.at("model '" + model.identity().name() + "'").expected(batch.size() + " answers")
            .found(String.valueOf(got.size())).modelFailure("the model did not answer every attack query");
      }
      cache.ifPresent(c -> c.put(batch, got));
      for (int i = 0; i < got.size(); i++) {
        answers[at.get(start + i)] = got.get(i);
      }
      asked += got.size();
    }
    return List.of(answers);
  }

  /** Queries the model answered itself, and ones the cache answered. */
  long asked() {
    return asked;
  }

  long fromCache() {
    return fromCache;
  }
}
