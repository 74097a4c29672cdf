package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.comparison.MetricEvidence;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceEvidence;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import dev.flipgate.statistics.Interval;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arithmetic of each rule pinned without a whole gate: where its boundary lies, which end of
 * an interval each judgement takes for both metric directions, what it validates, and what its
 * reason says. The tiny golden set (e1 cat in group a and critical, e2 dog in a and hard, e3 cat
 * in b and hard, e4 dog in b; e1~nudge and e2~nudge true-label; slice 'nobody' empty), with class
 * scores; the deployed model is right everywhere unless a test says otherwise.
 */
class RuleArithmeticTest {
  private static final List<String> CLASSES = List.of("cat", "dog");

  @TempDir Path directory;
  private GoldenSet goldenSet;
  private Path suiteFile;
  private final Map<String, Prediction> deployed = new HashMap<>();
  private final Map<String, Prediction> candidate = new HashMap<>();

  @BeforeEach
  void loadTheTinyGoldenSet() {
    var tiny = new TinyGoldenSet();
    tiny.manifest = tiny.manifest
        .replace("  - { name: hard, tag: hard }", "  - { name: hard, tag: hard }\n  - { name: nobody, where: { column: group, equals: z } }")
        .replace("perturbations: [ { name: nudge, description: \"f0 moved a little\" } ]",
            "perturbations: [ { name: nudge, description: \"f0 moved a little\" }, { name: blur } ]");
    tiny.adversarial = tiny.adversarial + "e2~nudge,e2,nudge,true-label,0.85,0.8\ne1~blur,e1,blur,true-label,0.1,0.25\n";
    suiteFile = tiny.writeTo(directory);
    goldenSet = GoldenSetLoader.load(directory);
    Map.of("e1", "cat", "e2", "dog", "e3", "cat", "e4", "dog", "e1~nudge", "cat", "e2~nudge", "dog", "e1~blur", "cat")
        .forEach((id, label) -> {
          deployed.put(id, sure(label, 0.8));
          candidate.put(id, sure(label, 0.8));
        });
  }

  /** An answer with class scores: {@code label} with probability {@code p}. */
  private static Prediction sure(String label, double p) {
    double cat = label.equals("cat") ? p : 1 - p;
    return Prediction.of(new ClassScores(CLASSES, new double[] {cat, 1 - cat}));
  }

  private Comparison comparison() {
    return ComparisonCalculator.compare(goldenSet, deployed, candidate, new EvidenceSettings(0.95, 200, 1));
  }

  private RuleLocation location() {
    return new RuleLocation(suiteFile, 0, "rule");
  }

  private RuleCheck onlyCheck(GateRule rule) {
    rule.validate(goldenSet, location());
    List<RuleCheck> checks = rule.check(comparison());
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  private void assertRefused(GateRule rule, String... message) {
    assertThatThrownBy(() -> rule.validate(goldenSet, location())).isInstanceOf(ConfigurationException.class)
        .hasMessageContainingAll(message);
  }

  @Nested
  class EveryRuleNamesItselfAndItsConcern {
    @Test
    void asTheSuiteWritesItAndTheReportsGroupIt() {
      assertThat(List.of(new MaxNegativeFlipRateRule(List.of("all"), 0.1), new MaxMetricDropRule("accuracy", List.of("all"), 0.1),
          new SignificantAccuracyDropRule(List.of("all"), 0.05, null, null), new CriticalExamplesRule(),
          new MaxRobustnessDropRule(List.of("*"), 0.1), new MaxLatencyRule(95, 100.0), new MaxLatencyIncreaseRule(95, 0.2)))
          .extracting(GateRule::id, GateRule::concern)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("max-negative-flip-rate", Concern.NEGATIVE_FLIPS),
              org.assertj.core.groups.Tuple.tuple("max-metric-drop", Concern.SLICE_REGRESSION),
              org.assertj.core.groups.Tuple.tuple("significant-accuracy-drop", Concern.SLICE_REGRESSION),
              org.assertj.core.groups.Tuple.tuple("critical-examples", Concern.CRITICAL_EXAMPLES),
              org.assertj.core.groups.Tuple.tuple("max-robustness-drop", Concern.ADVERSARIAL),
              org.assertj.core.groups.Tuple.tuple("max-latency", Concern.LATENCY),
              org.assertj.core.groups.Tuple.tuple("max-latency-increase", Concern.LATENCY));
    }

    @Test
    void concernsReadAsTitlesAndHeadings() {
      assertThat(Concern.NEGATIVE_FLIPS.title()).isEqualTo("negative flips");
      assertThat(Concern.NEGATIVE_FLIPS.heading()).isEqualTo("Negative flips");
      assertThat(Concern.SLICE_REGRESSION.heading()).isEqualTo("Slice regression");
    }
  }

  @Nested
  class MaxMetricDrop {
    @Test
    void aDropOfExactlyTheMaximumPasses() {
      candidate.put("e2", sure("cat", 0.8));

      RuleCheck atMax = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.25));
      RuleCheck belowMax = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.2499));

      assertThat(atMax.passed()).isTrue();
      assertThat(atMax.message()).contains("drops by 25.00 pp (100.00% → 75.00%, n = 4), within the maximum drop 25.00 pp",
          ": negative flips e2");
      assertThat(belowMax.passed()).isFalse();
      assertThat(belowMax.message()).contains("above the maximum drop");
    }

    @Test
    void anUnchangedMetricReadsAsADropOfNothingAndNamesNoFlips() {
      RuleCheck check = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 0.0));

      assertThat(check.passed()).isTrue();
      assertThat(check.message()).contains("accuracy on 'all' drops by 0.00 pp").doesNotContain("negative flips");
    }

    @Test
    void judgesAHigherIsBetterMetricByTheSwappedEndsOfItsDeltaInterval() {
      candidate.put("e2", sure("cat", 0.8));
      Interval delta = comparison().slice("all").orElseThrow().evidence().delta(SliceMetric.ACCURACY).ci().orElseThrow();

      RuleCheck lower = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 1.0, "lower-bound"));
      RuleCheck upper = onlyCheck(new MaxMetricDropRule("accuracy", List.of("all"), 1.0, "upper-bound"));

      // drop = −delta: the drop's lowest value is minus the delta's highest, and the other way round.
      assertThat(lower.measured().getAsDouble()).isCloseTo(-delta.high(), within(1e-12));
      assertThat(upper.measured().getAsDouble()).isCloseTo(-delta.low(), within(1e-12));
      assertThat(lower.measured().getAsDouble()).isLessThan(upper.measured().getAsDouble());
      assertThat(upper.message()).contains(String.format(java.util.Locale.ROOT, ", upper-bound %.2f pp", -delta.low() * 100));
    }

    @Test
    void judgesALossByTheEndsOfItsDeltaIntervalAsTheyAre() {
      candidate.put("e2", sure("dog", 0.55));
      candidate.put("e3", sure("cat", 0.6));
      Interval delta = comparison().slice("all").orElseThrow().evidence().delta(SliceMetric.LOG_LOSS).ci().orElseThrow();

      RuleCheck lower = onlyCheck(new MaxMetricDropRule("logLoss", List.of("all"), 5.0, "lower-bound"));
      RuleCheck upper = onlyCheck(new MaxMetricDropRule("logLoss", List.of("all"), 5.0, "upper-bound"));

      // For a loss the drop is candidate − deployed: the delta itself.
      assertThat(lower.measured().getAsDouble()).isCloseTo(delta.low(), within(1e-12));
      assertThat(upper.measured().getAsDouble()).isCloseTo(delta.high(), within(1e-12));
      assertThat(delta.high()).isGreaterThan(delta.low());
    }

    @Test
    void reportsALossInItsOwnUnitsAsARise() {
      candidate.put("e2", sure("dog", 0.55));
      double before = -Math.log(0.8);
      double after = (3 * -Math.log(0.8) - Math.log(0.55)) / 4;

      RuleCheck check = onlyCheck(new MaxMetricDropRule("logLoss", List.of("all"), 0.01));

      assertThat(check.passed()).isFalse();
      assertThat(check.measured().getAsDouble()).isCloseTo(after - before, within(1e-9));
      assertThat(check.message()).contains(String.format(java.util.Locale.ROOT, "logLoss on 'all' rises by %.4f (%.4f → %.4f",
          after - before, before, after), "above the maximum rise 0.0100").doesNotContain("pp", "%");
    }

    @Test
    void anImprovedLossReadsAsADrop() {
      deployed.put("e2", sure("dog", 0.55));

      RuleCheck check = onlyCheck(new MaxMetricDropRule("logLoss", List.of("all"), 0.0));

      assertThat(check.passed()).isTrue();
      assertThat(check.message()).contains("logLoss on 'all' drops by");
    }

    @Test
    void aScoreMetricWithoutScoresFailsClosed() {
      candidate.replaceAll((id, answer) -> Prediction.of(answer.label()));

      RuleCheck check = onlyCheck(new MaxMetricDropRule("logLoss", List.of("all"), 1.0));

      assertThat(check.passed()).isFalse();
      assertThat(check.measured()).isEmpty();
      assertThat(check.message()).contains("cannot be judged: the slice is empty or a model gave no class scores");
    }

    @Test
    void anEmptySliceFailsClosed() {
      RuleCheck check = onlyCheck(new MaxMetricDropRule("accuracy", List.of("nobody"), 1.0));

      assertThat(check.passed()).isFalse();
      assertThat(check.message()).contains("accuracy on 'nobody' cannot be judged: the slice is empty")
          .doesNotContain("class scores");
    }

    @Test
    void aLossTakesAnyNonNegativeMaximumButARateOnlyOneUpToOne() {
      assertThatCode(() -> new MaxMetricDropRule("logLoss", List.of("all"), 2.0).validate(goldenSet, location()))
          .doesNotThrowAnyException();
      assertRefused(new MaxMetricDropRule("accuracy", List.of("all"), 2.0), "between 0 and 1");
      assertRefused(new MaxMetricDropRule("logLoss", List.of("all"), -0.1), "max of at least 0", "-0.1");
    }

    @Test
    void refusesAMetricOfAnotherTask() {
      assertRefused(new MaxMetricDropRule("meanAbsoluteError", List.of("all"), 0.1), "metric does not fit the task",
          "a metric of a classification task", "'meanAbsoluteError', a regression metric",
          "use a classification metric such as accuracy or macroF1");
    }

    @Test
    void refusesAPositiveClassMetricWithoutAPositiveClass() {
      assertRefused(new MaxMetricDropRule("recall", List.of("all"), 0.1), "metric needs a binary task", "names none");
    }

    @Test
    void takesAPositiveClassMetricOnABinaryTaskThatNamesOne() {
      var tiny = new TinyGoldenSet();
      tiny.manifest = tiny.manifest.replace("classes: [cat, dog]", "classes: [cat, dog]\npositiveClass: dog");
      goldenSet = GoldenSetLoader.load(tiny.writeTo(directory.resolve("binary")).getParent());

      assertThatCode(() -> new MaxMetricDropRule("recall", List.of("all"), 0.1).validate(goldenSet, location()))
          .doesNotThrowAnyException();
    }

    @Test
    void aBoundJudgementWithoutAnIntervalFailsClosed() {
      Comparison computed = comparison();
      SliceComparison all = computed.slice("all").orElseThrow();
      var deltas = new java.util.EnumMap<SliceMetric, MetricEvidence>(SliceMetric.class);
      all.evidence().deltas().forEach((metric, evidence) ->
          deltas.put(metric, new MetricEvidence(evidence.delta(), java.util.Optional.empty(), evidence.pValue(), evidence.test())));
      var withoutIntervals = new SliceComparison(all.name(), all.description(), all.counts(), all.deployed(), all.candidate(),
          all.negativeFlipIds(), all.cells(), new SliceEvidence(deltas, all.evidence().negativeFlipRate()));
      var comparison = new Comparison(computed.outcomes(), List.of(withoutIntervals), computed.adversarialOutcomes(),
          computed.perturbations(), computed.criticalIds(), computed.evidence());

      RuleCheck bound = new MaxMetricDropRule("accuracy", List.of("all"), 1.0, "upper-bound").check(comparison).get(0);
      RuleCheck estimate = new MaxMetricDropRule("accuracy", List.of("all"), 1.0).check(comparison).get(0);

      assertThat(bound.passed()).isFalse();
      assertThat(bound.measured()).isEmpty();
      assertThat(bound.message()).contains("cannot be judged by its upper-bound: no interval could be computed");
      assertThat(estimate.passed()).as("the estimate needs no interval").isTrue();
    }

    @Test
    void refusesAnUnknownJudgementAndTakesTheKnownOnes() {
      assertThat(Judgement.of(null, location())).isEqualTo(Judgement.ESTIMATE);
      assertThat(Judgement.of("lower-bound", location())).isEqualTo(Judgement.LOWER_BOUND);
      assertThat(Judgement.of("upper-bound", location())).isEqualTo(Judgement.UPPER_BOUND);
      assertRefused(new MaxMetricDropRule("accuracy", List.of("all"), 0.1, "mean"), "unknown judgement", "'mean'");
    }
  }

  @Nested
  class MaxNegativeFlipRate {
    @Test
    void refusesAMaximumThatIsNotARateAndASliceThatDoesNotExist() {
      assertRefused(new MaxNegativeFlipRateRule(List.of("all"), 1.5), "between 0 and 1", "1.5");
      assertRefused(new MaxNegativeFlipRateRule(List.of("group-c"), 0.1), "unknown slice", "'group-c'");
    }

    @Test
    void anEmptySliceFailsClosed() {
      RuleCheck check = onlyCheck(new MaxNegativeFlipRateRule(List.of("nobody"), 1.0));

      assertThat(check.passed()).isFalse();
      assertThat(check.message()).contains("slice 'nobody' has no examples");
    }
  }

  @Nested
  class MaxRobustnessDrop {
    @Test
    void aDropOfExactlyTheMaximumPassesAndNamesTheCandidatesFailures() {
      candidate.put("e2~nudge", sure("cat", 0.8));

      RuleCheck atMax = onlyCheck(new MaxRobustnessDropRule(List.of("nudge"), 0.5));
      RuleCheck belowMax = onlyCheck(new MaxRobustnessDropRule(List.of("nudge"), 0.49));

      assertThat(atMax.passed()).isTrue();
      assertThat(atMax.measured()).hasValue(0.5);
      assertThat(atMax.message()).isEqualTo("robustness to 'nudge' drops by 50.00 pp (100.00% → 50.00%, n = 2), within the"
          + " maximum drop 50.00 pp: only the candidate fails e2~nudge");
      assertThat(belowMax.passed()).isFalse();
      assertThat(belowMax.message()).contains("above the maximum drop 49.00 pp");
    }

    @Test
    void unchangedRobustnessReadsAsADropOfNothing() {
      assertThat(onlyCheck(new MaxRobustnessDropRule(List.of("nudge"), 0.0)).message()).contains("drops by 0.00 pp");
    }

    @Test
    void aMoreRobustCandidateReadsAsARiseAndNamesNoFailures() {
      deployed.put("e2~nudge", sure("cat", 0.8));

      RuleCheck check = onlyCheck(new MaxRobustnessDropRule(List.of("nudge"), 0.0));

      assertThat(check.passed()).isTrue();
      assertThat(check.message()).contains("rises by 50.00 pp").doesNotContain("only the candidate");
    }

    @Test
    void judgesOnlyThePerturbationsItNames() {
      var rule = new MaxRobustnessDropRule(List.of("blur"), 0.1);
      rule.validate(goldenSet, location());

      assertThat(rule.subjects(goldenSet)).containsExactly(RuleCheck.Subject.perturbation("blur"));
      assertThat(rule.check(comparison())).extracting(RuleCheck::subject).containsExactly(RuleCheck.Subject.perturbation("blur"));
      assertThat(new MaxRobustnessDropRule(List.of("*"), 0.1).subjects(goldenSet)).hasSize(2);
    }

    @Test
    void refusesAPerturbationWithoutExamplesWhetherNamedOrCoveredByTheWildcard() {
      var tiny = new TinyGoldenSet();
      tiny.manifest = tiny.manifest.replace("perturbations: [ { name: nudge, description: \"f0 moved a little\" } ]",
          "perturbations: [ { name: nudge }, { name: rotate } ]");
      goldenSet = GoldenSetLoader.load(tiny.writeTo(directory.resolve("two")).getParent());

      assertRefused(new MaxRobustnessDropRule(List.of("rotate"), 0.1), "perturbation has no examples", "'rotate'");
      assertRefused(new MaxRobustnessDropRule(List.of("*"), 0.1), "perturbation has no examples", "'rotate'");
      assertThatCode(() -> new MaxRobustnessDropRule(List.of("nudge"), 0.1).validate(goldenSet, location()))
          .doesNotThrowAnyException();
    }

    @Test
    void refusesAMaximumThatIsNotARate() {
      assertRefused(new MaxRobustnessDropRule(List.of("nudge"), 1.5), "between 0 and 1");
    }
  }

  @Nested
  class SignificantAccuracyDrop {
    @Test
    void aPValueOfExactlyAlphaIsNotSignificant() {
      candidate.put("e2", sure("cat", 0.8));
      candidate.put("e3", sure("dog", 0.8));

      // 2 negative flips, 0 positive: McNemar's one-sided p = 0.5² = 0.25.
      RuleCheck atAlpha = onlyCheck(new SignificantAccuracyDropRule(List.of("all"), 0.25, "none", null));
      RuleCheck aboveAlpha = onlyCheck(new SignificantAccuracyDropRule(List.of("all"), 0.2501, "none", null));

      assertThat(atAlpha.passed()).isTrue();
      assertThat(atAlpha.exampleIds()).isEmpty();
      assertThat(atAlpha.message()).contains("accuracy on 'all' drops by 50.00 pp", "not significant at α = 0.25");
      assertThat(aboveAlpha.passed()).isFalse();
      assertThat(aboveAlpha.exampleIds()).containsExactlyInAnyOrder("e2", "e3");
      assertThat(aboveAlpha.message()).contains("a significant drop at");
    }

    @Test
    void unchangedAccuracyReadsAsADropOfNothingAndItsPowerIsJudgedFromItsInterval() {
      RuleCheck check = onlyCheck(new SignificantAccuracyDropRule(List.of("all"), 0.05, null, 0.01));

      assertThat(check.message()).contains("accuracy on 'all' drops by 0.00 pp");
      assertThat(check.underpowered()).hasValueSatisfying(why ->
          assertThat(why).contains("smallest change in accuracy detectable").doesNotContain("no interval"));
    }

    @Test
    void anImprovementReadsAsARise() {
      deployed.put("e2", sure("cat", 0.8));

      assertThat(onlyCheck(new SignificantAccuracyDropRule(List.of("all"), 0.05, null, null)).message())
          .contains("accuracy on 'all' rises by 25.00 pp");
    }

    @Test
    void anEmptySliceFailsClosed() {
      RuleCheck check = onlyCheck(new SignificantAccuracyDropRule(List.of("nobody"), 0.05, null, null));

      assertThat(check.passed()).isFalse();
      assertThat(check.message()).contains("slice 'nobody' has no examples");
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {0.0, 1.0, -0.05})
    void refusesAnAlphaOutsideZeroAndOne(double alpha) {
      assertRefused(new SignificantAccuracyDropRule(List.of("all"), alpha, null, null), "invalid alpha");
    }

    @Test
    void refusesARelevantDropThatIsNotARateAndASliceThatDoesNotExist() {
      assertRefused(new SignificantAccuracyDropRule(List.of("all"), 0.05, null, 1.5), "relevantDrop between 0 and 1");
      assertRefused(new SignificantAccuracyDropRule(List.of("group-c"), 0.05, null, null), "unknown slice");
    }
  }

  @Nested
  class CriticalExamples {
    @Test
    void measuresOneForARegressionAndNamesItZeroOtherwise() {
      RuleCheck held = onlyCheck(new CriticalExamplesRule());
      candidate.put("e1", sure("dog", 0.8));
      RuleCheck regressed = onlyCheck(new CriticalExamplesRule());

      assertThat(held.measured()).hasValue(0);
      assertThat(held.exampleIds()).isEmpty();
      assertThat(held.message()).isEqualTo("critical example e1 did not regress (both-right)");
      assertThat(regressed.measured()).hasValue(1);
      assertThat(regressed.exampleIds()).containsExactly("e1");
    }
  }

  @Nested
  class Policy {
    @Test
    void validatesEveryRuleItHolds() {
      var policy = new GatePolicy(List.of(new CriticalExamplesRule(), new MaxNegativeFlipRateRule(List.of("group-c"), 0.1)));

      assertThatThrownBy(() -> policy.validate(goldenSet, suiteFile)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("policy.rules[1] (max-negative-flip-rate)").hasMessageContaining("'group-c'");
    }

    @Test
    void acceptsRulesThatJudgeSomething() {
      var policy = new GatePolicy(List.of(new CriticalExamplesRule(), new MaxRobustnessDropRule(List.of("*"), 0.1)));

      assertThatCode(() -> policy.validate(goldenSet, suiteFile)).doesNotThrowAnyException();
    }

    @Test
    void refusesARobustnessRuleOnAGoldenSetWithoutAdversarialExamples() {
      var tiny = new TinyGoldenSet();
      tiny.manifest = tiny.manifest.replace("""
          adversarial:
            file: adversarial.csv
            perturbations: [ { name: nudge, description: "f0 moved a little" } ]
          """, "");
      GoldenSet plain = GoldenSetLoader.load(tiny.writeTo(directory.resolve("no-adversarial")).getParent());

      assertThatThrownBy(() -> new GatePolicy(List.of(new MaxRobustnessDropRule(List.of("*"), 0.1))).validate(plain, suiteFile))
          .hasMessageContaining("rule would judge nothing")
          .hasMessageContaining("nothing: the golden set has no adversarial examples");
    }

    @Test
    void refusesARuleThatWouldJudgeNothingAndSaysWhy() {
      var tiny = new TinyGoldenSet();
      tiny.manifest = tiny.manifest.replace("critical: { ids: [e1] }\n", "");
      GoldenSet withoutCritical = GoldenSetLoader.load(tiny.writeTo(directory.resolve("plain")).getParent());

      assertThatThrownBy(() -> new GatePolicy(List.of(new CriticalExamplesRule())).validate(withoutCritical, suiteFile))
          .hasMessageContaining("rule has no critical examples to check");
    }
  }

  @Nested
  class Latency {
    @Test
    void refusesANegativeBudgetOrIncreaseAndAPercentileThatIsNotReported() {
      assertRefused(new MaxLatencyRule(95, -1.0), "maxMs of at least 0");
      assertRefused(new MaxLatencyIncreaseRule(95, -0.1), "maxIncrease of at least 0");
      assertRefused(new MaxLatencyRule(null, 10.0), "percentile: 50, 95 or 99", "found:    none");
    }

    @Test
    void anIncreaseOfExactlyTheMaximumIsNotConfidentlyAbove() {
      long[] deployedMicros = new long[100];
      long[] candidateMicros = new long[100];
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        deployedMicros[i] = 1000 + 10L * i;
        candidateMicros[i] = 1500 + 15L * i; // exactly 1.5× at every percentile, so every resample's ratio is 1.5
        ids.add("e" + i);
      }
      Comparison measured = comparison().withLatency(dev.flipgate.latency.LatencyComparison.of(
          new dev.flipgate.latency.LatencySettings(0, 100), ids, deployedMicros, candidateMicros, 100, 100));

      RuleCheck atMax = new MaxLatencyIncreaseRule(95, 0.5).check(measured).get(0);
      RuleCheck belowMax = new MaxLatencyIncreaseRule(95, 0.49).check(measured).get(0);

      assertThat(atMax.measured().getAsDouble()).isCloseTo(0.5, within(1e-9));
      assertThat(atMax.passed()).isTrue();
      assertThat(atMax.message()).contains("not confidently above the maximum increase 50%");
      assertThat(belowMax.passed()).isFalse();
      assertThat(belowMax.message()).contains("; confidently above");
    }

    @Test
    void judgesThePercentileItNames() {
      var rule = new MaxLatencyRule(50, 10.0);
      rule.validate(goldenSet, location());

      assertThat(rule.subjects(goldenSet)).containsExactly(RuleCheck.Subject.latency("p50"));
      assertThat(LatencyPercentile.require(99, location())).isEqualTo(99);
    }
  }

  @Nested
  class Thresholds {
    @Test
    void aRateMayBeExactlyZeroOrOne() {
      assertThatCode(() -> dev.flipgate.gate.Thresholds.requireRate(0.0, "max", location())).doesNotThrowAnyException();
      assertThatCode(() -> dev.flipgate.gate.Thresholds.requireRate(1.0, "max", location())).doesNotThrowAnyException();
      assertThatThrownBy(() -> dev.flipgate.gate.Thresholds.requireRate(Math.nextUp(1.0), "max", location()))
          .hasMessageContaining("between 0 and 1");
      assertThatThrownBy(() -> dev.flipgate.gate.Thresholds.requireRate(Double.NaN, "max", location()))
          .hasMessageContaining("between 0 and 1");
    }

    @Test
    void aNonNegativeThresholdMayBeZeroButNotInfiniteNorMissing() {
      assertThatCode(() -> dev.flipgate.gate.Thresholds.requireNonNegative(0.0, "max", location())).doesNotThrowAnyException();
      assertThatThrownBy(() -> dev.flipgate.gate.Thresholds.requireNonNegative(Double.POSITIVE_INFINITY, "max", location()))
          .hasMessageContaining("Infinity");
      assertThatThrownBy(() -> dev.flipgate.gate.Thresholds.requireNonNegative(null, "max", location()))
          .hasMessageContaining("found:    no max");
    }
  }

  @Nested
  class Reasons {
    @Test
    void nameAtMostFiftyExamplesAndCountTheRest() {
      List<String> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "x" + i).toList();
      List<String> fiftyOne = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "x" + i).toList();

      assertThat(Percent.ids(fifty)).endsWith("x49").doesNotContain("more");
      assertThat(Percent.ids(fiftyOne)).endsWith("x49 and 1 more");
    }

    @Test
    void locateTheRuleByTheLineOfItsRuleKey() {
      assertThatThrownBy(() -> {
        throw new RuleLocation(suiteFile, 0, "max-negative-flip-rate").problem().configurationError("x");
      }).hasMessageContaining("suite.yaml, line 8").hasMessageContaining("policy.rules[0] (max-negative-flip-rate)");
    }

    @Test
    void aCheckWithEnoughEvidenceIsNotUnderpowered() {
      RuleCheck check = new RuleCheck("r", RuleCheck.Subject.slice("all"), true, java.util.OptionalDouble.of(0), 0.1, "m", List.of());

      assertThat(check.isUnderpowered()).isFalse();
      assertThat(new RuleCheck("r", RuleCheck.Subject.slice("all"), true, java.util.OptionalDouble.of(0), 0.1, "m", List.of(),
          java.util.Optional.of("why")).isUnderpowered()).isTrue();
    }
  }
}
