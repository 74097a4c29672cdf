package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Blocks when a metric drops by more than {@code max} on a slice; the drop is
 * {@code deployed − candidate}, so only a worse candidate can fail it.
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
    if (SliceMetric.byId(metric == null ? "" : metric).isEmpty()) {
      throw location.problem().expected("metric, one of " + SliceMetric.ids())
          .found(metric == null ? "no metric" : "'" + metric + "'").whatToDo("fix the metric name")
          .configurationError("rule names an unknown metric");
    }
    Thresholds.requireRate(max, "max", location);
    SliceSelection.validate(slices, goldenSet, location);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    SliceMetric measure = SliceMetric.byId(metric).orElseThrow();
    return SliceSelection.select(slices, comparison).stream().map(slice -> check(measure, slice)).toList();
  }

  private RuleCheck check(SliceMetric measure, SliceComparison slice) {
    var subject = RuleCheck.Subject.slice(slice.name());
    OptionalDouble delta = slice.delta(measure);
    if (delta.isEmpty()) {
      return new RuleCheck(ID, subject, false, delta, max,
          "slice '" + slice.name() + "' has no examples, so its " + metric + " drop cannot be judged", List.of());
    }
    double drop = -delta.getAsDouble();
    boolean passed = drop <= max;
    String message = String.format("%s on '%s' %s by %s (%s → %s, n = %d), %s the maximum drop %s%s",
        metric, slice.name(), drop >= 0 ? "drops" : "rises", Percent.points(Math.abs(drop)),
        Percent.of(measure.of(slice.deployed()).getAsDouble()), Percent.of(measure.of(slice.candidate()).getAsDouble()),
        slice.n(), passed ? "within" : "above", Percent.points(max),
        slice.negativeFlipIds().isEmpty() ? "" : ": negative flips " + Percent.ids(slice.negativeFlipIds()));
    return new RuleCheck(ID, subject, passed, OptionalDouble.of(drop), max, message, slice.negativeFlipIds());
  }
}
