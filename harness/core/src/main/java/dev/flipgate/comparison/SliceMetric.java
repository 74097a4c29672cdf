package dev.flipgate.comparison;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every per-model metric of a slice, by the key it has in {@code result.json} and in rules. A
 * metric is computed from the answers alone ({@link Source#ANSWERS}) or needs class scores
 * ({@link Source#SCORES}); {@code precision}, {@code recall}, {@code f1}, {@code averagePrecision}
 * and {@code rocAuc} are of the positive class and exist only for a binary task that names it.
 * The {@link Source#VALUES} metrics are those of a regression task. A new metric is one constant
 * here plus its computation in {@link AnswerMetrics}, {@link ScoreMetrics} or {@link ValueMetrics}.
 */
public enum SliceMetric {
  ACCURACY("accuracy", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  BALANCED_ACCURACY("balancedAccuracy", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MACRO_PRECISION("macroPrecision", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MACRO_RECALL("macroRecall", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MACRO_F1("macroF1", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MICRO_PRECISION("microPrecision", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MICRO_RECALL("microRecall", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  MICRO_F1("microF1", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  WEIGHTED_PRECISION("weightedPrecision", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  WEIGHTED_RECALL("weightedRecall", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  WEIGHTED_F1("weightedF1", Direction.HIGHER_IS_BETTER, Source.ANSWERS, false),
  PRECISION("precision", Direction.HIGHER_IS_BETTER, Source.ANSWERS, true),
  RECALL("recall", Direction.HIGHER_IS_BETTER, Source.ANSWERS, true),
  F1("f1", Direction.HIGHER_IS_BETTER, Source.ANSWERS, true),
  LOG_LOSS("logLoss", Direction.LOWER_IS_BETTER, Source.SCORES, false),
  BRIER_SCORE("brierScore", Direction.LOWER_IS_BETTER, Source.SCORES, false),
  EXPECTED_CALIBRATION_ERROR("expectedCalibrationError", Direction.LOWER_IS_BETTER, Source.SCORES, false),
  AVERAGE_PRECISION("averagePrecision", Direction.HIGHER_IS_BETTER, Source.SCORES, true),
  MEAN_AVERAGE_PRECISION("meanAveragePrecision", Direction.HIGHER_IS_BETTER, Source.SCORES, false),
  ROC_AUC("rocAuc", Direction.HIGHER_IS_BETTER, Source.SCORES, true),
  MACRO_ROC_AUC("macroRocAuc", Direction.HIGHER_IS_BETTER, Source.SCORES, false),
  MEAN_ABSOLUTE_ERROR("meanAbsoluteError", Direction.LOWER_IS_BETTER, Source.VALUES, false),
  ROOT_MEAN_SQUARED_ERROR("rootMeanSquaredError", Direction.LOWER_IS_BETTER, Source.VALUES, false),
  R2("r2", Direction.HIGHER_IS_BETTER, Source.VALUES, false);

  /** Whether a larger value is better; a loss is better smaller. */
  public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

  /** What the metric is computed from. */
  public enum Source { ANSWERS, SCORES, VALUES }

  private final String id;
  private final Direction direction;
  private final Source source;
  private final boolean ofPositiveClass;

  SliceMetric(String id, Direction direction, Source source, boolean ofPositiveClass) {
    this.id = id;
    this.direction = direction;
    this.source = source;
    this.ofPositiveClass = ofPositiveClass;
  }

  public String id() {
    return id;
  }

  public Direction direction() {
    return direction;
  }

  public Source source() {
    return source;
  }

  public boolean ofPositiveClass() {
    return ofPositiveClass;
  }

  /** Whether the metric lies between 0 and 1 and reads as a percentage (not a loss in nats or target units). */
  public boolean isRate() {
    return this != LOG_LOSS && source != Source.VALUES;
  }

  /**
   * How much worse the candidate is: {@code deployed − candidate} for a metric where higher is
   * better, {@code candidate − deployed} for a loss. Positive means worse, for every metric.
   */
  public double drop(double deployed, double candidate) {
    return direction == Direction.HIGHER_IS_BETTER ? deployed - candidate : candidate - deployed;
  }

  public java.util.OptionalDouble of(ClassificationMetrics metrics) {
    return metrics.value(this);
  }

  public static Optional<SliceMetric> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SliceMetric::id).toList();
  }
}
