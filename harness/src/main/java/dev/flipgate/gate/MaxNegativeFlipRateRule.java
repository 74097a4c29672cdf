package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;

/**
 * Blocks when a slice's negative flip rate b/n exceeds {@code max}. Gated on its own because many
 * negative flips can hide behind positive ones in the net accuracy.
 *
 * <pre>
 * - rule: max-negative-flip-rate
 *   slices: [all]
 *   max: 0.0025
 * </pre>
 */
public record MaxNegativeFlipRateRule(List<String> slices, Double max) implements GateRule {
  public static final String ID = "max-negative-flip-rate";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void validate(GoldenSet goldenSet, RuleLocation location) {
    Thresholds.requireRate(max, "max", location);
    SliceSelection.validate(slices, goldenSet, location);
  }

  @Override
  public List<RuleCheck> check(Comparison comparison) {
    return SliceSelection.select(slices, comparison).stream().map(this::check).toList();
  }

  private RuleCheck check(SliceComparison slice) {
    var subject = RuleCheck.Subject.slice(slice.name());
    if (slice.counts().nfr().isEmpty()) {
      return new RuleCheck(ID, subject, false, slice.counts().nfr(), max,
          "slice '" + slice.name() + "' has no examples, so its negative flip rate cannot be judged", List.of());
    }
    double nfr = slice.counts().nfr().getAsDouble();
    boolean passed = nfr <= max;
    String message = String.format("negative flip rate on '%s' is %s (%d of %d) %s the maximum %s%s",
        slice.name(), Percent.of(nfr), slice.counts().negativeFlips(), slice.n(), passed ? "within" : "above",
        Percent.of(max), slice.negativeFlipIds().isEmpty() ? "" : ": negative flips " + Percent.ids(slice.negativeFlipIds()));
    return new RuleCheck(ID, subject, passed, slice.counts().nfr(), max, message, slice.negativeFlipIds());
  }
}
