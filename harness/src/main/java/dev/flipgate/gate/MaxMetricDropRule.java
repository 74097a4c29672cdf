package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
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
 * </pre>
 */
public record MaxMetricDropRule(String metric, List<String> slices, Double max) implements GateRule {
  public static final String ID = "max-metric-drop";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    SliceMetric measure = SliceMetric.byId(metric == null ? "" : metric).orElseThrow(() -> location.problem()
        .expected("metric, one of " + SliceMetric.ids()).found(metric == null ? "no metric" : "'" + metric + "'")
        .whatToDo("fix the metric name").configurationError("rule names an unknown metric"));
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
    SliceSelection.validate(slices, goldenSet, location);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    SliceMetric measure = SliceMetric.byId(metric).orElseThrow();
    return SliceSelection.select(slices, comparison).stream().map(slice -> check(measure, slice)).toList();
  }

  private RuleCheck check(SliceMetric measure, SliceComparison slice) {
    var subject = RuleCheck.Subject.slice(slice.name());
    OptionalDouble drop = slice.drop(measure);
    if (drop.isEmpty()) {
      return new RuleCheck(ID, subject, false, drop, max, String.format(
          "%s on '%s' cannot be judged: the slice is empty%s", metric, slice.name(),
          measure.source() == SliceMetric.Source.SCORES ? " or a model gave no class scores" : ""), List.of());
    }
    boolean passed = drop.getAsDouble() <= max;
    String message = String.format("%s on '%s' %s by %s (%s → %s, n = %d), %s the maximum %s %s%s",
        metric, slice.name(), worse(measure, drop.getAsDouble()), amount(measure, Math.abs(drop.getAsDouble())),
        value(measure, slice.deployed().value(measure).getAsDouble()),
        value(measure, slice.candidate().value(measure).getAsDouble()), slice.n(), passed ? "within" : "above",
        measure.direction() == SliceMetric.Direction.HIGHER_IS_BETTER ? "drop" : "rise", amount(measure, max),
        slice.negativeFlipIds().isEmpty() ? "" : ": negative flips " + Percent.ids(slice.negativeFlipIds()));
    return new RuleCheck(ID, subject, passed, drop, max, message, slice.negativeFlipIds());
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
