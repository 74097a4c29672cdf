package dev.flipgate.run;

import dev.flipgate.cache.PredictionCache;
import dev.flipgate.failure.FlipgateException;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a model for every input, batch by batch, and checks it answered each one. Any unexpected
 * fault of an adapter becomes a model failure naming the examples of the batch: fail closed.
 */
final class PredictionCollector {
  private PredictionCollector() {}

  static Map<String, Prediction> predictAll(String role, ModelAdapter model, List<ModelInput> inputs, ProgressListener progress) {
    return predictAll(role, model, inputs, progress, java.util.Optional.empty()).predictions();
  }

  /**
   * As above, asking the model only for what the cache does not hold, and storing each batch's
   * answers in it as soon as they come: a run killed half way resumes where it stopped.
   */
  /** A model's answers to every input, and how many of them it was actually asked (the rest were cached). */
  record Collected(Map<String, Prediction> predictions, int asked) {}

  static Collected predictAll(String role, ModelAdapter model, List<ModelInput> allInputs,
      ProgressListener progress, java.util.Optional<PredictionCache> cache) {
    Map<String, Prediction> known = new java.util.HashMap<>();
    List<ModelInput> inputs = allInputs;
    if (cache.isPresent()) {
      inputs = new java.util.ArrayList<>();
      for (ModelInput input : allInputs) {
        var cached = cache.get().get(input);
        if (cached.isPresent()) {
          known.put(input.exampleId(), cached.get());
        } else {
          inputs.add(input);
        }
      }
      progress.cached(role, model.identity().name(), known.size(), allInputs.size(), cache.get().corruptEntries());
      List<ModelInput> cachedInputs = allInputs.stream().filter(i -> known.containsKey(i.exampleId())).toList();
      var disagreement = CacheSpotCheck.firstDisagreement(model, cachedInputs, known);
      if (disagreement.isPresent()) {
        progress.staleCache(role, model.identity().name(), disagreement.get());
        cache.get().discard();
        known.clear();
        inputs = allInputs;
      }
    }
    Map<String, Prediction> asked = predictAll(role, model, inputs, progress, cache.orElse(null));
    if (known.isEmpty()) {
      return new Collected(asked, inputs.size()); // asked every input, in their order
    }
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    for (ModelInput input : allInputs) {
      predictions.put(input.exampleId(), known.containsKey(input.exampleId()) ? known.get(input.exampleId())
          : asked.get(input.exampleId()));
    }
    return new Collected(predictions, inputs.size());
  }

  private static Map<String, Prediction> predictAll(String role, ModelAdapter model, List<ModelInput> inputs,
      ProgressListener progress, PredictionCache cache) {
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    int batchSize = Math.max(1, model.batchSize());
    for (int start = 0; start < inputs.size(); start += batchSize) {
      List<ModelInput> batch = inputs.subList(start, Math.min(inputs.size(), start + batchSize));
      List<Prediction> answers = ask(model, batch, cache);
      if (answers.size() != batch.size()) {
        throw Problem.at("model '" + model.identity().name() + "'").part("examples " + ids(batch))
            .expected(batch.size() + " predictions").found(String.valueOf(answers.size()))
            .modelFailure("the model did not answer every example");
      }
      for (int i = 0; i < batch.size(); i++) {
        predictions.put(batch.get(i).exampleId(), answers.get(i));
      }
      progress.predicted(role, model.identity().name(), predictions.size(), inputs.size());
    }
    return predictions;
  }

  static List<Prediction> ask(ModelAdapter model, List<ModelInput> batch) {
    return ask(model, batch, null);
  }

  /** Asks the model; each answered part goes into the cache (when there is one) as soon as it comes. */
  private static List<Prediction> ask(ModelAdapter model, List<ModelInput> batch, PredictionCache cache) {
    try {
      return cache == null ? model.predict(batch) : model.predict(batch, (part, answers) -> {
        if (answers.size() == part.size()) {
          cache.put(part, answers);
        }
      });
    } catch (FlipgateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelFailureException(Problem.at("model '" + model.identity().name() + "'").part("examples " + ids(batch))
          .whatToDo("check the model; the run stops rather than gate on missing answers")
          .says("the model failed: " + e), e);
    }
  }

  private static String ids(List<ModelInput> batch) {
    return batch.stream().map(ModelInput::exampleId).limit(5).toList()
        + (batch.size() > 5 ? " and " + (batch.size() - 5) + " more" : "");
  }
}
