package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * What a slice's metrics and evidence are computed from: both models' metrics and, by task, the
 * paired cells and score tables (classification) or the paired values (regression).
 */
record SliceComparisonParts(
    ClassificationMetrics deployed, ClassificationMetrics candidate, Optional<PairedCells> cells,
    Optional<ScoreMetrics> deployedScores, Optional<ScoreMetrics> candidateScores,
    Optional<ValueMetrics> deployedValues, Optional<ValueMetrics> candidateValues) {

  static SliceComparisonParts of(SliceAnswers answers) {
    double[] ones = ones(answers.size());
    AnswerMetrics metrics = answers.answerMetrics();
    Optional<ScoreMetrics> deployedScores = answers.deployedScoreMetrics();
    Optional<ScoreMetrics> candidateScores = answers.candidateScoreMetrics();
    return new SliceComparisonParts(
        withScores(metrics.compute(answers.label, answers.deployed, ones, true), deployedScores),
        withScores(metrics.compute(answers.label, answers.candidate, ones, true), candidateScores),
        Optional.of(answers.cells()), deployedScores, candidateScores, Optional.empty(), Optional.empty());
  }

  /** A slice without class scores: everything comes from its paired cells. */
  static SliceComparisonParts of(PairedCells cells) {
    ClassificationMetrics[] metrics = cells.sliceMetrics();
    return new SliceComparisonParts(metrics[0], metrics[1], Optional.of(cells), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** A slice with class scores: its answer metrics from its paired cells, its score metrics from the scores. */
  static SliceComparisonParts of(PairedCells cells, Optional<ScoreMetrics> deployedScores, Optional<ScoreMetrics> candidateScores) {
    ClassificationMetrics[] metrics = cells.sliceMetrics();
    return new SliceComparisonParts(withScores(metrics[0], deployedScores), withScores(metrics[1], candidateScores),
        Optional.of(cells), deployedScores, candidateScores, Optional.empty(), Optional.empty());
  }

  /** A slice whose score metrics are given as values (binned scores): no bootstrap of them is possible. */
  static SliceComparisonParts of(PairedCells cells, java.util.Map<SliceMetric, Double> deployedScores,
      java.util.Map<SliceMetric, Double> candidateScores) {
    ClassificationMetrics[] metrics = cells.sliceMetrics();
    return new SliceComparisonParts(withValues(metrics[0], deployedScores), withValues(metrics[1], candidateScores),
        Optional.of(cells), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static SliceComparisonParts ofValues(List<ExampleOutcome> outcomes) {
    double[] target = outcomes.stream().mapToDouble(o -> Double.parseDouble(o.label())).toArray();
    var deployed = new ValueMetrics(target, outcomes.stream().mapToDouble(o -> Double.parseDouble(o.deployed().label())).toArray());
    var candidate = new ValueMetrics(target, outcomes.stream().mapToDouble(o -> Double.parseDouble(o.candidate().label())).toArray());
    double[] ones = ones(target.length);
    return new SliceComparisonParts(metrics(deployed, ones), metrics(candidate, ones), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(deployed), Optional.of(candidate));
  }

  private static ClassificationMetrics metrics(ValueMetrics values, double[] ones) {
    return new ClassificationMetrics(values.compute(ones), List.of(), new long[0][0]);
  }

  private static ClassificationMetrics withScores(ClassificationMetrics answers, Optional<ScoreMetrics> scores) {
    return scores.isEmpty() ? answers : withValues(answers, scores.get().values());
  }

  private static ClassificationMetrics withValues(ClassificationMetrics answers, java.util.Map<SliceMetric, Double> scores) {
    if (scores.isEmpty()) {
      return answers;
    }
    var values = new EnumMap<SliceMetric, Double>(SliceMetric.class);
    values.putAll(answers.values());
    values.putAll(scores);
    return new ClassificationMetrics(values, answers.perClass(), answers.confusion());
  }

  private static double[] ones(int n) {
    double[] ones = new double[n];
    Arrays.fill(ones, 1.0);
    return ones;
  }
}
