package dev.flipgate.model.predictions;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A model whose answers were read, whole and checked, when it was opened: each example's answer
 * is looked up by its id, and one missing fails the run naming the example.
 */
public abstract sealed class StoredAnswersAdapter implements ModelAdapter permits PredictionsFileAdapter, RecordedAdapter {
  private final ModelIdentity identity;
  private final ExampleIndex examples;
  private final List<Prediction> answers;

  /** @param rows the file's answers, read whole and checked complete */
  StoredAnswersAdapter(ModelIdentity identity, PredictionRows rows) {
    this.identity = identity;
    this.examples = rows.examples();
    this.answers = rows.answers();
  }

  @Override
  public final ModelIdentity identity() {
    return identity;
  }

  /** Stored answers are never cached again; their key is the file they were read from. */
  @Override
  public final dev.flipgate.model.AnswerKey answerKey() {
    return dev.flipgate.model.AnswerKey.of(identity.kind()).with("file sha256", identity.sha256());
  }

  /** Large: a lookup costs nothing, and progress is still reported this often. */
  @Override
  public final int batchSize() {
    return 4096;
  }

  @Override
  public final List<Prediction> predict(List<ModelInput> batch) {
    List<Prediction> found = new ArrayList<>(batch.size());
    int row = -1;
    for (ModelInput input : batch) {
      // A run asks in the examples' order: each row is then found by one comparison.
      row = examples.rowOf(input.exampleId(), row + 1);
      Prediction prediction = row < 0 ? null : answers.get(row);
      if (prediction == null) {
        throw Problem.at(identity.location()).example(input.exampleId()).expected("a prediction").found("none")
            .modelFailure("missing prediction");
      }
      found.add(prediction);
    }
    return java.util.Collections.unmodifiableList(found);
  }


  /**
   * Every answer at once when the run asks for exactly the stored rows in their order (as a gate
   * does): the stored list itself, not a copy. Fails on the first example without an answer, as
   * {@link #predict} would.
   */
  @Override
  public final java.util.Optional<List<Prediction>> storedAnswers(List<ModelInput> inputs) {
    if (inputs.size() != examples.size()) {
      return java.util.Optional.empty();
    }
    for (int row = 0; row < inputs.size(); row++) {
      if (!examples.matches(row, inputs.get(row).exampleId())) {
        return java.util.Optional.empty();
      }
    }
    for (int row = 0; row < inputs.size(); row++) {
      // Stored columns say so by the class code, without making the row's Prediction (and its scores).
      if (answers instanceof dev.flipgate.model.AnswerColumns columns ? columns.code(row) < 0 : answers.get(row) == null) {
        throw Problem.at(identity.location()).example(inputs.get(row).exampleId()).expected("a prediction").found("none")
            .modelFailure("missing prediction");
      }
    }
    return java.util.Optional.of(answers);
  }

  @Override
  public final boolean answersStored() {
    return true;
  }

  @Override
  public final void close() {
    // Nothing to release: the answers were read when the adapter was opened.
  }
}
