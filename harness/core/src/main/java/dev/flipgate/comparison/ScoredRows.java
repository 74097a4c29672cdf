package dev.flipgate.comparison;

import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.model.Prediction;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A scored golden set laid out once for all its slices: every example's class codes and each
 * model's score columns (absent for a model that gave no scores).
 */
record ScoredRows(PairedCellTally.ClassCodes codes, int positive, Optional<Model> deployed, Optional<Model> candidate) {

  /** A model's score columns and each row's log-loss and Brier terms and confidence ({@link ScoreMetrics#rowTerms}). */
  record Model(ScoreColumns columns, double[][] rowTerms) {}

  static ScoredRows of(List<String> classes, int positive, ExampleTable examples, List<Prediction> deployed,
      List<Prediction> candidate) {
    var codes = PairedCellTally.ClassCodes.of(classes, examples, deployed, candidate);
    // The two models' columns are laid out and sorted at the same time.
    var before = CompletableFuture.supplyAsync(() -> model(classes, examples, deployed, codes.label(), codes.deployed(), positive));
    Optional<Model> after = model(classes, examples, candidate, codes.label(), codes.candidate(), positive);
    return new ScoredRows(codes, positive, before.join(), after);
  }

  private static Optional<Model> model(List<String> classes, ExampleTable examples, List<Prediction> answers, int[] label,
      int[] answer, int positive) {
    return ScoreColumns.of(answers, examples.size(), classes, label)
        .map(columns -> new Model(columns, ScoreMetrics.rowTerms(columns, label, answer, positive)));
  }

  /** The deployed model's score metrics on a slice, when it scored every example of it. */
  Optional<ScoreMetrics> deployedMetrics(BitSet members) {
    return metrics(deployed, codes.deployed(), members);
  }

  Optional<ScoreMetrics> candidateMetrics(BitSet members) {
    return metrics(candidate, codes.candidate(), members);
  }

  private Optional<ScoreMetrics> metrics(Optional<Model> model, int[] answers, BitSet members) {
    if (model.isEmpty() || members.isEmpty() || !model.get().columns().coversAll(members)) {
      return Optional.empty();
    }
    int[] rows = members.stream().toArray();
    int[] label = new int[rows.length];
    int[] answer = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      label[i] = codes.label()[rows[i]];
      answer[i] = answers[rows[i]];
    }
    return Optional.of(new ScoreMetrics(positive, label, answer, model.get().columns(), rows, model.get().rowTerms()));
  }
}
