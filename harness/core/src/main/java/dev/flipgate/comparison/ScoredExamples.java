package dev.flipgate.comparison;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What score metrics need that cell counts cannot hold: every example's class codes and each
 * model's class probabilities, in the engine's row order, with each slice's member rows. An
 * engine that never holds the examples (Spark) brings these numeric columns to its driver only
 * when they fit ({@code flipgate.maxScoredRows}); the score metrics and their bootstrap are then
 * the local engine's own, on the same rows in the same order.
 *
 * @param label each row's label as a class index
 * @param deployedScores the deployed model's probability of each class by row ({@code [class][row]}), if it gave scores
 * @param members each slice's rows, in the golden set's order of slices
 */
public record ScoredExamples(int[] label, int[] deployed, int[] candidate, Optional<double[][]> deployedScores,
    Optional<double[][]> candidateScores, List<BitSet> members) {

  public ScoredExamples {
    if (deployed.length != label.length || candidate.length != label.length) {
      throw new IllegalArgumentException("class codes of " + label.length + ", " + deployed.length + " and "
          + candidate.length + " rows");
    }
    for (var scores : List.of(deployedScores, candidateScores)) {
      scores.ifPresent(columns -> {
        for (double[] column : columns) {
          if (column.length != label.length) {
            throw new IllegalArgumentException("a score column of " + column.length + " rows for " + label.length);
          }
        }
      });
    }
    members = List.copyOf(members);
  }

  /** Both models' score columns laid out and sorted once for every slice, as the local engine lays them out. */
  ScoredRows rows(int positive) {
    var codes = new PairedCellTally.ClassCodes(label, deployed, candidate);
    return new ScoredRows(codes, positive, deployedScores.map(s -> model(s, deployed, positive)),
        candidateScores.map(s -> model(s, candidate, positive)));
  }

  private ScoredRows.Model model(double[][] columns, int[] answer, int positive) {
    BitSet all = new BitSet(label.length);
    all.set(0, label.length);
    ScoreColumns laidOut = ScoreColumns.ofColumns(columns, all, label);
    return new ScoredRows.Model(laidOut, ScoreMetrics.rowTerms(laidOut, label, answer, positive));
  }
}
