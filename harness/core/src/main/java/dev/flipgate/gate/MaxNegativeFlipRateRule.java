package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.RateEvidence;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Blocks when a slice's negative flip rate b/n exceeds {@code max}. Gated on its own because many
 * negative flips can hide behind positive ones in the net accuracy. With
 * {@code judge: upper-bound} the Clopper–Pearson upper bound is judged instead: the candidate
 * passes only when the data shows the rate is within {@code max}.
 *
 * <pre>
 * - rule: max-negative-flip-rate
 *   slices: [all]
 *   max: 0.005
 *   judge: upper-bound     # estimate (default) | upper-bound | lower-bound
 * </pre>
 */
public record MaxNegativeFlipRateRule(List<String> slices, Double max, String judge) implements GateRule {
  public static final String ID = "max-negative-flip-rate";

  public MaxNegativeFlipRateRule(List<String> slices, Double max) {
    this(slices, max, null);
  }

  @Override
  public Concern concern() {
    return Concern.NEGATIVE_FLIPS;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    Thresholds.requireRate(max, "max", location);
    Judgement.of(judge, location);
    SliceSelection.validate(slices, goldenSet, location);
  }

  @Override
  public List<RuleCheck.Subject> subjects(GoldenSet goldenSet) {
    return SliceSelection.subjects(slices, goldenSet);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    Judgement judgement = Judgement.parse(judge);
    return SliceSelection.select(slices, comparison).stream()
        .map(slice -> check(slice, judgement, comparison.evidence().power()).measuring("negativeFlipRate")).toList();
  }

  private RuleCheck check(SliceComparison slice, Judgement judgement, double power) {
    var subject = RuleCheck.Subject.slice(slice.name());
    RateEvidence evidence = slice.evidence().negativeFlipRate();
    if (evidence.value().isEmpty() || evidence.ci().isEmpty()) {
      return new RuleCheck(ID, subject, false, OptionalDouble.empty(), max,
          "slice '" + slice.name() + "' has no examples, so its negative flip rate cannot be judged", List.of());
    }
    double nfr = evidence.value().getAsDouble();
    double judged = judgement.pick(nfr, evidence.ci().get().low(), evidence.upperBound().getAsDouble());
    boolean passed = judged <= max;
    String bound = judgement == Judgement.ESTIMATE ? "" : String.format(", %s %s", judgement.id(), Percent.of(judged));
    String message = String.format("negative flip rate on '%s' is %s (%d of %d%s) %s the maximum %s%s",
        slice.name(), Percent.of(nfr), slice.counts().negativeFlips(), slice.n(), bound, passed ? "within" : "above",
        Percent.of(max), slice.negativeFlipIds().isEmpty() ? "" : ": negative flips " + Percent.ids(slice.negativeFlipIds()));
    return new RuleCheck(ID, subject, passed, OptionalDouble.of(judged), max, message, slice.negativeFlipIds(),
        Underpowering.of(evidence.ci(), max, power, "the negative flip rate", slice.n(), true));
  }
}
