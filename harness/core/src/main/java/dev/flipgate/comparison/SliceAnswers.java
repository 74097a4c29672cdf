package dev.flipgate.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One slice's examples as class indices (label, deployed answer, candidate answer) and, when a
 * model gave scores for all of them, its score rows; the raw material of the slice's metrics.
 */
final class SliceAnswers {
  final List<String> classes;
  final int positive;
  final int[] label;
  final int[] deployed;
  final int[] candidate;
  final Optional<double[][]> deployedScores;
  final Optional<double[][]> candidateScores;

  private SliceAnswers(List<String> classes, int positive, int[] label, int[] deployed, int[] candidate,
      Optional<double[][]> deployedScores, Optional<double[][]> candidateScores) {
    this.classes = classes;
    this.positive = positive;
    this.label = label;
    this.deployed = deployed;
    this.candidate = candidate;
    this.deployedScores = deployedScores;
    this.candidateScores = candidateScores;
  }

  static SliceAnswers of(List<String> classes, Optional<String> positiveClass, List<ExampleOutcome> outcomes) {
    int n = outcomes.size();
    int[] label = new int[n];
    int[] deployed = new int[n];
    int[] candidate = new int[n];
    List<double[]> deployedScores = new ArrayList<>();
    List<double[]> candidateScores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ExampleOutcome o = outcomes.get(i);
      label[i] = classes.indexOf(o.label());
      deployed[i] = classes.indexOf(o.deployed().label());
      candidate[i] = classes.indexOf(o.candidate().label());
      o.deployed().scores().ifPresent(s -> deployedScores.add(s.toArray()));
      o.candidate().scores().ifPresent(s -> candidateScores.add(s.toArray()));
    }
    return new SliceAnswers(classes, positiveClass.map(classes::indexOf).orElse(-1), label, deployed, candidate,
        complete(deployedScores, n), complete(candidateScores, n));
  }

  /** Scores count only when every example has them: metrics over a part would mislead. */
  private static Optional<double[][]> complete(List<double[]> scores, int n) {
    return n > 0 && scores.size() == n ? Optional.of(scores.toArray(double[][]::new)) : Optional.empty();
  }

  int size() {
    return label.length;
  }

  AnswerMetrics answerMetrics() {
    return new AnswerMetrics(classes, positive);
  }

  PairedCells cells() {
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < label.length; i++) {
      rows.add(new int[] {label[i], deployed[i], candidate[i]});
    }
    return PairedCells.of(answerMetrics(), classes.size(), rows);
  }

  Optional<ScoreMetrics> deployedScoreMetrics() {
    return deployedScores.map(s -> new ScoreMetrics(classes.size(), positive, label, deployed, s));
  }

  Optional<ScoreMetrics> candidateScoreMetrics() {
    return candidateScores.map(s -> new ScoreMetrics(classes.size(), positive, label, candidate, s));
  }
}
