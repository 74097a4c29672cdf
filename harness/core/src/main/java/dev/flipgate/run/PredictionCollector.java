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

  /** A model's answer to every input, by id (for callers that look answers up by id). */
  static Map<String, Prediction> predictAll(String role, ModelAdapter model, List<ModelInput> inputs, ProgressListener progress) {
    List<Prediction> answers = predictAll(role, model, inputs, progress, java.util.Optional.empty()).answers();
    Map<String, Prediction> byId = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      byId.put(inputs.get(i).exampleId(), answers.get(i));
    }
    return byId;
  }

  /**
   * A model's answers to every input, in the inputs' order, and how many of them it was actually
   * asked (the rest were cached).
   */
  record Collected(List<Prediction> answers, int asked) {}

  /**
   * As above, asking the model only for what the cache does not hold, and storing each batch's
   * answers in it as soon as they come: a run killed half way resumes where it stopped.
   */
  static Collected predictAll(String role, ModelAdapter model, List<ModelInput> allInputs,
      ProgressListener progress, java.util.Optional<PredictionCache> cache) {
    if (cache.isEmpty()) {
      var stored = model.storedAnswers(allInputs);
      if (stored.isPresent()) {
        progress.predicted(role, model.identity().name(), allInputs.size(), allInputs.size());
        return new Collected(stored.get(), allInputs.size());
      }
    }
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
    List<Prediction> asked = predictAll(role, model, inputs, progress, cache.orElse(null));
    if (known.isEmpty()) {
      return new Collected(asked, inputs.size()); // asked every input, in their order
    }
    List<Prediction> answers = new java.util.ArrayList<>(allInputs.size());
    int next = 0; // the asked answers come in the order of the inputs that were not cached
    for (ModelInput input : allInputs) {
      Prediction cached = known.get(input.exampleId());
      answers.add(cached != null ? cached : asked.get(next++));
    }
    return new Collected(answers, inputs.size());
  }

  /** The answers to {@code inputs}, in their order. */
  private static List<Prediction> predictAll(String role, ModelAdapter model, List<ModelInput> inputs,
      ProgressListener progress, PredictionCache cache) {
    List<Prediction> predictions = new java.util.ArrayList<>(inputs.size());
    int batchSize = Math.max(1, model.batchSize());
    for (int start = 0; start < inputs.size(); start += batchSize) {
      List<ModelInput> batch = inputs.subList(start, Math.min(inputs.size(), start + batchSize));
      List<Prediction> answers = ask(model, batch, cache);
      if (answers.size() != batch.size()) {
        throw Problem.at("model '" + model.identity().name() + "'").part("examples " + ids(batch))
            .expected(batch.size() + " predictions").found(String.valueOf(answers.size()))
            .modelFailure("the model did not answer every example");
      }
      predictions.addAll(answers);
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
