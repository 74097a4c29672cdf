package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import dev.flipgate.statistics.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Blocks when the candidate is worse than the deployed model by more than {@code max} on a
 * slice: the drop is {@code deployed − candidate} for a metric where higher is better and the
 * rise {@code candidate − deployed} for a loss, so only a worse candidate can fail it. A metric
 * that cannot be computed (an empty slice, no class scores) fails the check: it is never passed.
 *
 * <pre>
 * - rule: max-metric-drop
 *   metric: accuracy
 *   slices: ["*"]
 *   max: 0.005
 *   judge: lower-bound   # estimate (default) | upper-bound | lower-bound of the drop
 * </pre>
 */
public record MaxMetricDropRule(String metric, List<String> slices, Double max, String judge) implements GateRule {
  public static final String ID = "max-metric-drop";

  public MaxMetricDropRule(String metric, List<String> slices, Double max) {
    this(metric, slices, max, null);
  }

  @Override
  public Concern concern() {
    return Concern.SLICE_REGRESSION;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    SliceMetric measure = SliceMetric.byId(metric == null ? "" : metric).orElseThrow(() -> location.problem()
        .expected("metric, one of " + SliceMetric.ids()).found(metric == null ? "no metric" : "'" + metric + "'")
        .whatToDo("fix the metric name").configurationError("rule names an unknown metric"));
    boolean regressionMetric = measure.source() == SliceMetric.Source.VALUES;
    if (regressionMetric != goldenSet.task().isRegression()) {
      throw location.problem().expected("a metric of a " + (goldenSet.task().isRegression() ? "regression" : "classification")
              + " task, as golden set '" + goldenSet.name() + "' is")
          .found("'" + metric + "', a " + (regressionMetric ? "regression" : "classification") + " metric")
          .whatToDo("use " + (goldenSet.task().isRegression() ? "meanAbsoluteError, rootMeanSquaredError or r2"
              : "a classification metric such as accuracy or macroF1"))
          .configurationError("metric does not fit the task");
    }
    if (measure.ofPositiveClass() && goldenSet.positiveClass().isEmpty()) {
      throw location.problem().expected("a golden set with a positiveClass for metric '" + metric + "'")
          .found("golden set '" + goldenSet.name() + "' names none").whatToDo("declare positiveClass in its manifest, "
              + "or use a macro, micro or weighted metric").configurationError("metric needs a binary task");
    }
    if (measure.isRate()) {
      Thresholds.requireRate(max, "max", location);
    } else {
      Thresholds.requireNonNegative(max, "max", location);
    }
    Judgement.of(judge, location);
    SliceSelection.validate(slices, goldenSet, location);
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return SliceSelection.subjects(slices, goldenSet);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    SliceMetric measure = SliceMetric.byId(metric).orElseThrow();
    Judgement judgement = Judgement.parse(judge);
    return SliceSelection.select(slices, comparison).stream()
        .map(slice -> check(measure, slice, judgement, comparison.evidence().power()).measuring(metric)).toList();
  }

  private RuleCheck check(SliceMetric measure, SliceComparison slice, Judgement judgement, double power) {
    var subject = RuleCheck.Subject.slice(slice.name());
    OptionalDouble drop = slice.drop(measure);
    if (drop.isEmpty()) {
      return new RuleCheck(ID, subject, false, drop, max, String.format(
          "%s on '%s' cannot be judged: the slice is empty%s", metric, slice.name(),
          measure.source() == SliceMetric.Source.SCORES ? " or a model gave no class scores" : ""), List.of());
    }
    Optional<Interval> deltaCi = slice.evidence().delta(measure) == null ? Optional.empty()
        : slice.evidence().delta(measure).ci();
    if (judgement != Judgement.ESTIMATE && deltaCi.isEmpty()) {
      return new RuleCheck(ID, subject, false, OptionalDouble.empty(), max, String.format(
          "%s on '%s' cannot be judged by its %s: no interval could be computed", metric, slice.name(), judgement.id()),
          List.of());
    }
    // The interval is of the delta (candidate − deployed); as a drop its ends swap for a higher-is-better metric.
    double judged = deltaCi.map(ci -> judgement.pick(drop.getAsDouble(), dropOf(measure, ci, true), dropOf(measure, ci, false)))
        .orElse(drop.getAsDouble());
    boolean passed = judged <= max;
    String bound = judgement == Judgement.ESTIMATE ? "" : String.format(", %s %s", judgement.id(), amount(measure, judged));
    String message = String.format("%s on '%s' %s by %s (%s → %s, n = %d%s), %s the maximum %s %s%s",
        metric, slice.name(), worse(measure, drop.getAsDouble()), amount(measure, Math.abs(drop.getAsDouble())),
        value(measure, slice.deployed().value(measure).getAsDouble()),
        value(measure, slice.candidate().value(measure).getAsDouble()), slice.n(), bound, passed ? "within" : "above",
        measure.direction() == SliceMetric.Direction.HIGHER_IS_BETTER ? "drop" : "rise", amount(measure, max),
        slice.negativeFlipIds().isEmpty() ? "" : ": negative flips " + Percent.ids(slice.negativeFlipIds()));
    return new RuleCheck(ID, subject, passed, OptionalDouble.of(judged), max, message, slice.negativeFlipIds(),
        Underpowering.of(deltaCi, max, power, metric, slice.n(), measure.isRate()));
  }

  /** The lower (or upper) end of the drop's interval, from the delta's interval. */
  private static double dropOf(SliceMetric measure, Interval deltaCi, boolean lower) {
    boolean higherIsBetter = measure.direction() == SliceMetric.Direction.HIGHER_IS_BETTER;
    if (higherIsBetter) {
      return lower ? -deltaCi.high() : -deltaCi.low();
    }
    return lower ? deltaCi.low() : deltaCi.high();
  }

  private static String worse(SliceMetric measure, double drop) {
    boolean higherIsBetter = measure.direction() == SliceMetric.Direction.HIGHER_IS_BETTER;
    return (drop >= 0) == higherIsBetter ? "drops" : "rises";
  }

  private static String amount(SliceMetric measure, double value) {
    return measure.isRate() ? Percent.points(value) : String.format(java.util.Locale.ROOT, "%.4f", value);
  }

  private static String value(SliceMetric measure, double value) {
    return measure.isRate() ? Percent.of(value) : String.format(java.util.Locale.ROOT, "%.4f", value);
  }
}
