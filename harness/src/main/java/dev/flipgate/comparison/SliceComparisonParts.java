package dev.flipgate.comparison;

import java.util.Optional;

/** What a slice's evidence is computed from: both models' metrics, the cells and the score tables. */
record SliceComparisonParts(
    ClassificationMetrics deployed, ClassificationMetrics candidate, PairedCells cells,
    Optional<ScoreMetrics> deployedScores, Optional<ScoreMetrics> candidateScores) {

  static SliceComparisonParts of(SliceAnswers answers) {
    double[] ones = new double[answers.size()];
    java.util.Arrays.fill(ones, 1.0);
    AnswerMetrics metrics = answers.answerMetrics();
    Optional<ScoreMetrics> deployedScores = answers.deployedScoreMetrics();
    Optional<ScoreMetrics> candidateScores = answers.candidateScoreMetrics();
    return new SliceComparisonParts(
        withScores(metrics.compute(answers.label, answers.deployed, ones, true), deployedScores, ones),
        withScores(metrics.compute(answers.label, answers.candidate, ones, true), candidateScores, ones),
        answers.cells(), deployedScores, candidateScores);
  }

  private static ClassificationMetrics withScores(ClassificationMetrics answers, Optional<ScoreMetrics> scores, double[] ones) {
    if (scores.isEmpty()) {
      return answers;
    }
    var values = new java.util.EnumMap<SliceMetric, Double>(SliceMetric.class);
    values.putAll(answers.values());
    values.putAll(scores.get().compute(ones));
    return new ClassificationMetrics(values, answers.perClass(), answers.confusion());
  }
}
