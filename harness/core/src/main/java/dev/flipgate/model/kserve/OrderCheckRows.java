package dev.flipgate.model.kserve;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.AnswerAgreement;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.model.tensor.OutputRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a server answered a request's rows in the order they were asked. The Open Inference
 * Protocol gives rows no ids, so a server that reorders them (a batcher that gathers in
 * completion order, a sort) returns plausible answers for the wrong examples. Each request of two
 * or more examples therefore carries two extra rows: copies of its first and its last example.
 * Their answers must agree with those of the originals ({@link AnswerAgreement}); a swapped,
 * reversed or rotated order makes a copy and its original answer differently. A request never
 * holds more than the declared {@code batchSize} rows (a server's maximum batch): it carries
 * {@code batchSize − 2} examples and the two copies, or, below a batch of 4, one example and no
 * copy (one row cannot be out of order). Cost: two rows per request (6% at the default 32).
 */
final class OrderCheckRows {
  private OrderCheckRows() {}

  /** How many examples a request of at most {@code batchSize} rows carries. */
  static int examplesPerRequest(int batchSize) {
    return batchSize >= 4 ? batchSize - 2 : 1;
  }

  /** The rows to send: the batch, then the copies. */
  static List<ModelInput> withCopies(List<ModelInput> batch) {
    if (batch.size() < 2) {
      return batch;
    }
    var rows = new ArrayList<>(batch);
    rows.add(batch.get(0));
    rows.add(batch.get(batch.size() - 1));
    return rows;
  }

  /** The batch's own answers, once the copies' answers are checked against them. */
  static List<Prediction> checked(List<Prediction> answers, List<ModelInput> batch, String where, String requestId) {
    if (batch.size() < 2) {
      return answers;
    }
    int size = batch.size();
    check(answers.get(0), answers.get(size), batch.get(0), where, requestId, batch);
    check(answers.get(size - 1), answers.get(size + 1), batch.get(size - 1), where, requestId, batch);
    return List.copyOf(answers.subList(0, size));
  }

  private static void check(Prediction original, Prediction copy, ModelInput example, String where, String requestId,
      List<ModelInput> batch) {
    if (!AnswerAgreement.agree(original, copy)) {
      throw Problem.at(where + "/infer").part("request " + requestId + ", examples " + OutputRows.ids(batch))
          .expected("the same answer for example " + example.exampleId() + " where it was asked and for its copy at the"
              + " end of the request (rows answered in the order asked)")
          .found(describe(original) + " and " + describe(copy))
          .whatToDo("check the server's batching: it answers rows out of order, so no answer of it can be matched to"
              + " its example")
          .modelFailure("the server answered rows out of order");
    }
  }

  private static String describe(Prediction prediction) {
    return "'" + prediction.label() + "'" + prediction.confidence().stream()
        .mapToObj(c -> String.format(java.util.Locale.ROOT, " (%.4f)", c)).findFirst().orElse("");
  }
}
