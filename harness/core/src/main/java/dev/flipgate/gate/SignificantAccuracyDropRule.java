package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.MetricEvidence;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.statistics.MultipleTestingCorrection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Blocks when a slice's accuracy drop is statistically significant: McNemar's exact one-sided
 * p-value, adjusted for the number of slices the rule covers, is below {@code alpha}. Slices
 * too small to reveal a drop of {@code relevantDrop} at the suite's power are reported as
 * underpowered rather than silently passed.
 *
 * <pre>
 * - rule: significant-accuracy-drop
 *   slices: ["*"]
 *   alpha: 0.05
 *   correction: holm-bonferroni   # or benjamini-hochberg, none
 *   relevantDrop: 0.01
 * </pre>
 */
public record SignificantAccuracyDropRule(List<String> slices, Double alpha, String correction, Double relevantDrop)
    implements GateRule {
  public static final String ID = "significant-accuracy-drop";
  static final double DEFAULT_RELEVANT_DROP = 0.01;

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
    if (alpha == null || !(alpha > 0 && alpha < 1)) {
      throw location.problem().expected("alpha in (0, 1), e.g. 0.05").found(String.valueOf(alpha))
          .whatToDo("set the significance level").configurationError("invalid alpha");
    }
    if (goldenSet.task().isRegression()) {
      throw location.problem().expected("a classification golden set: McNemar's test compares right and wrong answers")
          .found("regression golden set '" + goldenSet.name() + "'")
          .whatToDo("use max-metric-drop with judge: lower-bound on meanAbsoluteError instead")
          .configurationError("rule does not fit the task");
    }
    requireKnownCorrection(location);
    if (relevantDrop != null) {
      Thresholds.requireRate(relevantDrop, "relevantDrop", location);
    }
    SliceSelection.validate(slices, goldenSet, location);
  }

  private void requireKnownCorrection(RuleLocation location) {
    String id = correction == null ? MultipleTestingCorrection.HOLM.id() : correction;
    MultipleTestingCorrection.byId(id).orElseThrow(() -> location.problem()
        .expected("correction: holm-bonferroni, benjamini-hochberg or none").found("'" + id + "'")
        .whatToDo("fix correction").configurationError("unknown multiple-testing correction"));
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return SliceSelection.subjects(slices, goldenSet);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    List<SliceComparison> selected = SliceSelection.select(slices, comparison);
    MultipleTestingCorrection method = MultipleTestingCorrection.byId(
        correction == null ? MultipleTestingCorrection.HOLM.id() : correction).orElseThrow();
    double[] pValues = selected.stream().mapToDouble(s -> pValue(s).orElse(1.0)).toArray();
    double[] adjusted = method.adjust(pValues);
    double relevant = relevantDrop == null ? DEFAULT_RELEVANT_DROP : relevantDrop;
    return java.util.stream.IntStream.range(0, selected.size())
        .mapToObj(i -> check(selected.get(i), pValues[i], adjusted[i], method, relevant, comparison.evidence().power())
            .measuring(SliceMetric.ACCURACY.id()))
        .toList();
  }

  private RuleCheck check(SliceComparison slice, double raw, double adjusted, MultipleTestingCorrection method,
      double relevant, double power) {
    var subject = RuleCheck.Subject.slice(slice.name());
    if (slice.n() == 0) {
      return new RuleCheck(ID, subject, false, OptionalDouble.empty(), alpha,
          "slice '" + slice.name() + "' has no examples, so its accuracy drop cannot be tested", List.of());
    }
    boolean significant = adjusted < alpha;
    double delta = slice.delta(SliceMetric.ACCURACY).orElse(0);
    String message = String.format(Locale.ROOT,
        "accuracy on '%s' %s by %s (%d negative, %d positive flips): McNemar p = %.4g, %s-adjusted p = %.4g, %s α = %s",
        slice.name(), delta > 0 ? "rises" : "drops", Percent.points(Math.abs(delta)), slice.counts().negativeFlips(),
        slice.counts().positiveFlips(), raw, method.id(), adjusted,
        significant ? "a significant drop at" : "not significant at", alpha);
    MetricEvidence accuracy = slice.evidence().delta(SliceMetric.ACCURACY);
    return new RuleCheck(ID, subject, !significant, OptionalDouble.of(adjusted), alpha, message,
        significant ? slice.negativeFlipIds() : List.of(),
        Underpowering.of(accuracy == null ? java.util.Optional.empty() : accuracy.ci(), relevant, power, "accuracy", slice.n(), true));
  }

  private static OptionalDouble pValue(SliceComparison slice) {
    MetricEvidence accuracy = slice.evidence().delta(SliceMetric.ACCURACY);
    return accuracy == null ? OptionalDouble.empty() : accuracy.pValue();
  }
}
