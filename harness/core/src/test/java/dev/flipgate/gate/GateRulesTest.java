package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.Prediction;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny golden set: e1 cat (group a, critical), e2 dog (a, hard), e3 cat (b, hard), e4 dog (b),
 * and e1~nudge (true-label). The deployed model gets everything right unless a test says otherwise.
 */
class GateRulesTest {
  @TempDir Path directory;
  private GoldenSet goldenSet;
  private Path suiteFile;
  private final Map<String, Prediction> deployed = new HashMap<>();
  private final Map<String, Prediction> candidate = new HashMap<>();

  @BeforeEach
  void loadTheTinyGoldenSet() {
    suiteFile = new TinyGoldenSet().writeTo(directory);
    goldenSet = GoldenSetLoader.load(directory);
    Map<String, String> truth = Map.of("e1", "cat", "e2", "dog", "e3", "cat", "e4", "dog", "e1~nudge", "cat");
    truth.forEach((id, label) -> {
      deployed.put(id, Prediction.of(label));
      candidate.put(id, Prediction.of(label));
    });
  }

  private Comparison comparison() {
    return ComparisonCalculator.compare(goldenSet, deployed, candidate, new dev.flipgate.comparison.EvidenceSettings(0.95, 200, 1));
  }

  private RuleCheck onlyCheck(GateRule rule) {
    rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));
    List<RuleCheck> checks = rule.check(comparison());
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  @Nested
  class MaxNegativeFlipRate {
    @Test
    void blocksWhenTheRateIsAboveTheMaximumAndNamesTheFlips() {
      candidate.put("e2", Prediction.of("cat"));

      RuleCheck check = onlyCheck(new MaxNegativeFlipRateRule(List.of("all"), 0.2));

      assertThat(check.passed()).isFalse();
      assertThat(check.measured().getAsDouble()).isEqualTo(0.25);
      assertThat(check.exampleIds()).containsExactly("e2");
      assertThat(check.message()).contains("25.00% (1 of 4)", "above the maximum 20.00%", "e2");
    }

    @Test
    void passesAtExactlyTheMaximum() {
      candidate.put("e2", Prediction.of("cat"));

      assertThat(onlyCheck(new MaxNegativeFlipRateRule(List.of("all"), 0.25)).passed()).isTrue();
    }

    @Test
    void isNotFooledByPositiveFlipsThatKeepAccuracyEqual() {
      deployed.put("e4", Prediction.of("cat"));
      candidate.put("e2", Prediction.of("cat"));

      assertThat(comparison().slice("all").orElseThrow().delta(dev.flipgate.comparison.SliceMetric.ACCURACY).getAsDouble())
          .isZero();
      assertThat(onlyCheck(new MaxNegativeFlipRateRule(List.of("all"), 0.0)).passed()).isFalse();
    }

    @Test
    void coversSlicesByPattern() {
      GateRule rule = new MaxNegativeFlipRateRule(List.of("group-*"), 0.0);
      rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));

      assertThat(rule.check(comparison())).extracting(c -> c.subject().name()).containsExactly("group-a");
    }
  }

  @Nested
  class MaxMetricDrop {
    @Test
    void blocksWhenTheCandidateIsWorseByMoreThanTheMaximum() {
      candidate.put("e2", Prediction.of("cat"));

      RuleCheck check = onlyCheck(new MaxMetricDropRule("accuracy", List.of("group-a"), 0.1));

      assertThat(check.passed()).isFalse();
      assertThat(check.measured().getAsDouble()).isEqualTo(0.5);
      assertThat(check.message()).contains("accuracy on 'group-a' drops by 50.00 pp");
    }

    @Test
    void neverBlocksAnImprovementWhateverTheMaximum() {
      deployed.put("e2", Prediction.of("cat"));

      RuleCheck check = onlyCheck(new MaxMetricDropRule("accuracy", List.of("group-a"), 0.0));

      assertThat(check.passed()).isTrue();
      assertThat(check.measured().getAsDouble()).isEqualTo(-0.5);
    }

    @Test
    void refusesAMetricThatDoesNotExist() {
      GateRule rule = new MaxMetricDropRule("acuracy", List.of("all"), 0.01);

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 2, rule.id())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("policy.rules[2] (max-metric-drop)")
          .hasMessageContaining("'acuracy'")
          .hasMessageContaining("[accuracy, balancedAccuracy, macroPrecision, macroRecall, macroF1, microPrecision");
    }

    @Test
    void refusesASliceThatDoesNotExist() {
      GateRule rule = new MaxMetricDropRule("accuracy", List.of("group-c"), 0.01);

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("rule names an unknown slice")
          .hasMessageContaining("'group-c'");
    }

    @Test
    void refusesANegativeMaximumBecauseItWouldBlockImprovements() {
      GateRule rule = new MaxMetricDropRule("accuracy", List.of("all"), -0.01);

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id())))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("between 0 and 1");
    }
  }

  @Nested
  class JudgingByEvidence {
    @Test
    void anUpperBoundJudgementBlocksWhenTheSliceCannotShowItsRateIsLowEnough() {
      // No negative flip at all, but 4 examples cannot show the rate is below 10%.
      RuleCheck estimate = onlyCheck(new MaxNegativeFlipRateRule(List.of("all"), 0.10, "estimate"));
      RuleCheck upper = onlyCheck(new MaxNegativeFlipRateRule(List.of("all"), 0.10, "upper-bound"));

      assertThat(estimate.passed()).isTrue();
      assertThat(upper.passed()).isFalse();
      assertThat(upper.measured().getAsDouble()).isGreaterThan(0.10);
      assertThat(upper.message()).contains("upper-bound");
    }

    @Test
    void aLowerBoundJudgementDoesNotBlockOnNoiseAlone() {
      candidate.put("e2", Prediction.of("cat"));

      RuleCheck estimate = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.1, null));
      RuleCheck lower = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.1, "lower-bound"));

      assertThat(estimate.passed()).isFalse();
      assertThat(lower.passed()).as("one flip in four examples is within noise").isTrue();
    }

    @Test
    void marksATinySliceUnderpoweredButStillFailsItOnTheEstimate() {
      candidate.put("e2", Prediction.of("cat"));

      RuleCheck check = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.1, null));

      assertThat(check.passed()).isFalse();
      assertThat(check.underpowered()).hasValueSatisfying(why -> assertThat(why).contains("n = 4", "more than the threshold"));
    }

    @Test
    void aPolicyMayBlockOnUnderpoweredChecks() {
      var report = new GatePolicy(List.of(new MaxNegativeFlipRateRule(List.of("all"), 0.5)), GatePolicy.Underpowered.REPORT);
      var block = new GatePolicy(List.of(new MaxNegativeFlipRateRule(List.of("all"), 0.5)), GatePolicy.Underpowered.BLOCK);
      candidate.put("e2", Prediction.of("cat"));

      assertThat(report.decide(comparison(), java.time.LocalDate.EPOCH).verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(report.decide(comparison(), java.time.LocalDate.EPOCH).underpowered()).hasSize(1);
      assertThat(block.decide(comparison(), java.time.LocalDate.EPOCH).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void refusesAnUnknownJudgement() {
      GateRule rule = new MaxMetricDropRule("accuracy", List.of("all"), 0.1, "median");

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id())))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("'median'")
          .hasMessageContaining("estimate, upper-bound or lower-bound");
    }
  }

  @Nested
  class SignificantAccuracyDrop {
    @Test
    void testsEachSliceWithMcNemarAndAdjustsForTheSlicesCovered() {
      candidate.put("e2", Prediction.of("cat"));
      candidate.put("e3", Prediction.of("dog"));
      GateRule rule = new SignificantAccuracyDropRule(List.of("all", "hard"), 0.05, "holm-bonferroni", 0.01);
      rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));

      List<RuleCheck> checks = rule.check(comparison());

      // Each slice: 2 negative flips, 0 positive: p = 0.25; Holm over two equal p-values: 0.5.
      assertThat(checks).extracting(c -> c.measured().getAsDouble()).containsExactly(0.5, 0.5);
      assertThat(checks).allSatisfy(c -> {
        assertThat(c.passed()).isTrue();
        assertThat(c.message()).contains("McNemar p = 0.25", "holm-bonferroni-adjusted p = 0.5", "not significant");
      });
    }

    @Test
    void refusesAnUnknownCorrection() {
      GateRule rule = new SignificantAccuracyDropRule(List.of("all"), 0.05, "bonferoni", null);

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id())))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("'bonferoni'");
    }
  }

  @Nested
  class CriticalExamples {
    @Test
    void blocksWhenACriticalExampleRegresses() {
      candidate.put("e1", Prediction.of("dog"));

      RuleCheck check = onlyCheck(new CriticalExamplesRule());

      assertThat(check.passed()).isFalse();
      assertThat(check.subject()).isEqualTo(RuleCheck.Subject.example("e1"));
      assertThat(check.message()).contains("critical example e1 regressed", "deployed answered cat", "candidate answered dog");
    }

    @Test
    void ignoresRegressionsOfExamplesThatAreNotCritical() {
      candidate.put("e2", Prediction.of("cat"));

      assertThat(onlyCheck(new CriticalExamplesRule()).passed()).isTrue();
    }
  }

  @Nested
  class MaxRobustnessDrop {
    @Test
    void blocksWhenOnlyTheCandidateFailsAnAdversarialExample() {
      candidate.put("e1~nudge", Prediction.of("dog"));

      RuleCheck check = onlyCheck(new MaxRobustnessDropRule(List.of("nudge"), 0.5));

      assertThat(check.passed()).isFalse();
      assertThat(check.exampleIds()).containsExactly("e1~nudge");
    }

    @Test
    void refusesAPerturbationThatDoesNotExist() {
      GateRule rule = new MaxRobustnessDropRule(List.of("rotate"), 0.1);

      assertThatThrownBy(() -> rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id())))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("'rotate'").hasMessageContaining("[nudge]");
    }
  }

  @Test
  void everyRuleNamesBeforeTheRunTheSubjectsItJudges() {
    List<GateRule> rules = List.of(new MaxNegativeFlipRateRule(List.of("*"), 0.1), new MaxMetricDropRule("accuracy", List.of("group-*"), 0.1),
        new CriticalExamplesRule(), new MaxRobustnessDropRule(List.of("*"), 0.1),
        new SignificantAccuracyDropRule(List.of("hard", "all"), 0.05, null, null));
    candidate.put("e2", Prediction.of("cat"));

    for (GateRule rule : rules) {
      rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));
      assertThat(rule.check(comparison())).as(rule.id()).extracting(RuleCheck::subject)
          .containsExactlyElementsOf(rule.subjects(goldenSet));
    }
  }

  @Nested
  class Policy {
    @Test
    void promotesOnlyWhenEveryCheckPasses() {
      var policy = new GatePolicy(List.of(new MaxNegativeFlipRateRule(List.of("*"), 0.0), new CriticalExamplesRule()));
      policy.validate(goldenSet, suiteFile);
      assertThat(policy.decide(comparison(), java.time.LocalDate.EPOCH).verdict()).isEqualTo(Verdict.PROMOTE);

      candidate.put("e3", Prediction.of("dog"));
      GateDecision decision = policy.decide(comparison(), java.time.LocalDate.EPOCH);

      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.reasons()).extracting(c -> c.subject().name()).containsExactly("all", "hard");
    }

    @Test
    void refusesAnEmptyPolicyWhichWouldPromoteAnything() {
      assertThatThrownBy(() -> new GatePolicy(List.of()).validate(goldenSet, suiteFile))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("would promote anything");
    }
  }
}
