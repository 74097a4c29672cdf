package dev.flipgate.run;

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
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    int batchSize = Math.max(1, model.batchSize());
    for (int start = 0; start < inputs.size(); start += batchSize) {
      List<ModelInput> batch = inputs.subList(start, Math.min(inputs.size(), start + batchSize));
      List<Prediction> answers = ask(model, batch);
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
    try {
      return model.predict(batch);
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
