package dev.flipgate.gate;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.goldenset.GoldenSet;
import java.util.List;

/**
 * A rule of the gate policy, as a suite declares it under {@code policy.rules} by its
 * {@code rule} key. Sign convention for every rule: a <em>drop</em> is {@code deployed −
 * candidate}, so a positive drop means the candidate is worse, and a rule blocks when the drop
 * (or rate) is strictly greater than its {@code max}. A new rule is one record here plus its test.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "rule")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MaxNegativeFlipRateRule.class, name = MaxNegativeFlipRateRule.ID),
  @JsonSubTypes.Type(value = MaxMetricDropRule.class, name = MaxMetricDropRule.ID),
  @JsonSubTypes.Type(value = CriticalExamplesRule.class, name = CriticalExamplesRule.ID),
  @JsonSubTypes.Type(value = MaxRobustnessDropRule.class, name = MaxRobustnessDropRule.ID),
  @JsonSubTypes.Type(value = SignificantAccuracyDropRule.class, name = SignificantAccuracyDropRule.ID),
  @JsonSubTypes.Type(value = MaxLatencyRule.class, name = MaxLatencyRule.ID),
  @JsonSubTypes.Type(value = MaxLatencyIncreaseRule.class, name = MaxLatencyIncreaseRule.ID),
  @JsonSubTypes.Type(value = MaxGapToHumanRule.class, name = MaxGapToHumanRule.ID),
  @JsonSubTypes.Type(value = MaxAttackSuccessIncreaseRule.class, name = MaxAttackSuccessIncreaseRule.ID)
})
public sealed interface GateRule
    permits MaxNegativeFlipRateRule, MaxMetricDropRule, CriticalExamplesRule, MaxRobustnessDropRule,
        SignificantAccuracyDropRule, MaxLatencyRule, MaxLatencyIncreaseRule, MaxGapToHumanRule,
        MaxAttackSuccessIncreaseRule {

  /** The rule's name as written in the suite and in every reason. */
  String id();

  /** What kind of regression this rule guards against. */
  Concern concern();

  /**
   * Checks that everything the rule names exists in this golden set.
   *
   * @throws dev.flipgate.failure.ConfigurationException naming the rule and the unknown name
   */
  void validate(GoldenSet goldenSet, RuleLocation location);

  List<RuleCheck> check(Comparison comparison);

  /**
   * What the rule will judge on this golden set, in the order {@link #check} reports it: one
   * subject per check. Lets a test tree be built before any model runs.
   */
  List<RuleCheck.Subject> subjects(GoldenSet goldenSet);
}
