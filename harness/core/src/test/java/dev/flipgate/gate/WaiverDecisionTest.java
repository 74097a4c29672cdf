package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How waivers turn failed checks into accepted ones: a waiver in force accepts a reason and never
 * blocks; an expired one accepts nothing and says since when; one that matches nothing is stale.
 */
class WaiverDecisionTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final Path FILE = Path.of("suite-dir", "waivers.yaml");

  private static RuleCheck failed(String rule, String slice, String... examples) {
    return new RuleCheck(rule, RuleCheck.Subject.slice(slice), false, OptionalDouble.of(0.1), 0.0, rule + " on " + slice,
        List.of(examples));
  }

  private static RuleCheck passed(String rule, String slice) {
    return new RuleCheck(rule, RuleCheck.Subject.slice(slice), true, OptionalDouble.of(0.0), 0.0, "fine", List.of());
  }

  private static Waiver onSlice(String rule, String slice, LocalDate expires) {
    return new Waiver(FILE, 3, Optional.of(rule), Optional.of(RuleCheck.Subject.slice(slice)), Set.of(), "ana", "accepted",
        "ML-7", expires);
  }

  private static Waiver onExamples(Optional<String> rule, LocalDate expires, String... ids) {
    return new Waiver(FILE, 9, rule, Optional.empty(), Set.of(ids), "bo", "relabelling", "ML-8", expires);
  }

  private static GateDecision decide(List<RuleCheck> checks, List<Waiver> waivers) {
    return GateDecision.of(checks, GatePolicy.Underpowered.REPORT, waivers, TODAY);
  }

  @Nested
  class ByRuleAndSlice {
    @Test
    void aWaiverInForceAcceptsTheReasonWhichNoLongerBlocks() {
      RuleCheck digit6 = failed("max-metric-drop", "digit-6");
      Waiver waiver = onSlice("max-metric-drop", "digit-6", TODAY.plusDays(1));

      GateDecision decision = decide(List.of(digit6, passed("max-metric-drop", "all")), List.of(waiver));

      assertThat(decision.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(decision.reasons()).isEmpty();
      assertThat(decision.waived()).containsExactly(digit6);
      assertThat(decision.failures()).containsExactly(digit6);
      assertThat(decision.isWaived(digit6)).isTrue();
      assertThat(decision.waivers()).singleElement().satisfies(use -> {
        assertThat(use.status()).isEqualTo(WaiverUse.Status.APPLIED);
        assertThat(use.matched()).containsExactly(digit6);
        assertThat(use.describe()).isEqualTo("waived by ana until 2026-12-01 (ML-7): accepted");
      });
    }

    @Test
    void itHoldsOnItsExpiryDayAndNotTheDayAfter() {
      RuleCheck digit6 = failed("max-metric-drop", "digit-6");

      assertThat(decide(List.of(digit6), List.of(onSlice("max-metric-drop", "digit-6", TODAY))).verdict())
          .isEqualTo(Verdict.PROMOTE);
      GateDecision dayAfter = decide(List.of(digit6), List.of(onSlice("max-metric-drop", "digit-6", TODAY.minusDays(1))));
      assertThat(dayAfter.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void anExpiredWaiverBlocksAgainAndSaysSinceWhen() {
      RuleCheck digit6 = failed("max-metric-drop", "digit-6");

      GateDecision decision = decide(List.of(digit6), List.of(onSlice("max-metric-drop", "digit-6", LocalDate.of(2026, 11, 20))));

      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.reasons()).containsExactly(digit6);
      assertThat(decision.waived()).isEmpty();
      assertThat(decision.waiversOf(digit6)).singleElement().satisfies(use -> {
        assertThat(use.status()).isEqualTo(WaiverUse.Status.EXPIRED);
        assertThat(use.describe()).isEqualTo("waiver by ana expired on 2026-11-20, 10 days ago (waivers.yaml:3, ML-7): it blocks"
            + " again");
      });
      assertThat(decision.staleWaivers()).isEmpty();
    }

    @Test
    void aWaiverForAnotherSliceOrRuleOrAPassingCheckIsStale() {
      RuleCheck digit6 = failed("max-metric-drop", "digit-6");
      List<Waiver> waivers = List.of(onSlice("max-metric-drop", "digit-5", TODAY), onSlice("max-negative-flip-rate", "digit-6", TODAY),
          onSlice("max-metric-drop", "all", TODAY));

      GateDecision decision = decide(List.of(digit6, passed("max-metric-drop", "all")), waivers);

      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.staleWaivers()).hasSize(3).allSatisfy(use -> assertThat(use.describe())
          .startsWith("stale waiver waivers.yaml:3 (ana, ML-7): ").endsWith("matches no reason to block; remove it"));
    }

    @Test
    void aStaleWaiverThatExpiredSaysSoToo() {
      GateDecision decision = decide(List.of(), List.of(onSlice("max-metric-drop", "all", TODAY.minusDays(3))));

      assertThat(decision.staleWaivers()).singleElement()
          .satisfies(use -> assertThat(use.describe()).contains("(and it expired on 2026-11-27)"));
    }

    @Test
    void anUnderpoweredCheckThePolicyBlocksOnCanBeWaived() {
      RuleCheck underpowered = new RuleCheck("max-metric-drop", RuleCheck.Subject.slice("hard"), true, OptionalDouble.of(0),
          0.01, "too small", List.of(), Optional.of("n = 2"));

      GateDecision blocking = GateDecision.of(List.of(underpowered), GatePolicy.Underpowered.BLOCK, List.of(), TODAY);
      GateDecision waived = GateDecision.of(List.of(underpowered), GatePolicy.Underpowered.BLOCK,
          List.of(onSlice("max-metric-drop", "hard", TODAY)), TODAY);

      assertThat(blocking.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(waived.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(waived.waived()).containsExactly(underpowered);
    }
  }

  @Nested
  class ByExampleIds {
    @Test
    void aReasonIsAcceptedOnlyWhenEveryExampleItNamesIsWaived() {
      RuleCheck flips = failed("max-negative-flip-rate", "all", "e1", "e2");

      assertThat(decide(List.of(flips), List.of(onExamples(Optional.empty(), TODAY, "e1"))).verdict()).isEqualTo(Verdict.BLOCK);
      GateDecision both = decide(List.of(flips), List.of(onExamples(Optional.empty(), TODAY, "e1"),
          onExamples(Optional.empty(), TODAY, "e2", "e9")));
      assertThat(both.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(both.waiversOf(flips)).hasSize(2).allMatch(use -> use.status() == WaiverUse.Status.APPLIED);
    }

    @Test
    void aWaiverForOneRuleLeavesTheOthersBlocking() {
      RuleCheck critical = new RuleCheck("critical-examples", RuleCheck.Subject.example("e1"), false, OptionalDouble.of(1), 0,
          "critical example e1 regressed", List.of("e1"));
      RuleCheck flips = failed("max-negative-flip-rate", "all", "e1");

      GateDecision decision = decide(List.of(critical, flips), List.of(onExamples(Optional.of("critical-examples"), TODAY, "e1")));

      assertThat(decision.waived()).containsExactly(critical);
      assertThat(decision.reasons()).containsExactly(flips);
    }

    @Test
    void aReasonThatNamesNoExampleIsNeverAcceptedByIds() {
      RuleCheck noIds = failed("max-metric-drop", "all");

      GateDecision decision = decide(List.of(noIds), List.of(onExamples(Optional.empty(), TODAY, "e1")));

      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.staleWaivers()).hasSize(1);
    }

    @Test
    void anExpiredExampleWaiverIsNamedOnTheReasonsItWouldHaveAccepted() {
      RuleCheck flips = failed("max-negative-flip-rate", "all", "e1");

      GateDecision decision = decide(List.of(flips), List.of(onExamples(Optional.empty(), TODAY.minusDays(1), "e1")));

      assertThat(decision.waiversOf(flips)).singleElement()
          .satisfies(use -> assertThat(use.status()).isEqualTo(WaiverUse.Status.EXPIRED));
    }
  }

  @Test
  void onlyTheWaiversThatNameAReasonsExamplesAreItsWaivers() {
    RuleCheck flips = failed("max-negative-flip-rate", "all", "e1");
    Waiver naming = onExamples(Optional.empty(), TODAY, "e1");
    Waiver other = onExamples(Optional.empty(), TODAY, "e9");

    GateDecision decision = decide(List.of(flips), List.of(naming, other));

    assertThat(decision.waiversOf(flips)).extracting(WaiverUse::waiver).containsExactly(naming);
    assertThat(decision.staleWaivers()).extracting(WaiverUse::waiver).containsExactly(other);
  }

  @Test
  void anExpiredWaiverIsBlamedAloneWhenOneInForceCoversOnlyPartOfTheReason() {
    RuleCheck flips = failed("max-negative-flip-rate", "all", "e1", "e2");
    Waiver inForce = onExamples(Optional.empty(), TODAY, "e1");
    Waiver expired = onExamples(Optional.empty(), TODAY.minusDays(2), "e2");

    GateDecision decision = decide(List.of(flips), List.of(inForce, expired));

    assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(decision.waiversOf(flips)).singleElement().satisfies(use -> {
      assertThat(use.waiver()).isEqualTo(expired);
      assertThat(use.status()).isEqualTo(WaiverUse.Status.EXPIRED);
    });
  }

  @Test
  void aWaiverNamesASubjectOrExamplesNeverBothOrNeither() {
    assertThatThrownBy(() -> new Waiver(FILE, 1, Optional.of("r"), Optional.of(RuleCheck.Subject.slice("all")), Set.of("e1"),
        "a", "b", "c", TODAY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Waiver(FILE, 1, Optional.of("r"), Optional.empty(), Set.of(), "a", "b", "c", TODAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(onSlice("max-metric-drop", "digit-6", TODAY).scope()).isEqualTo("max-metric-drop on slice 'digit-6'");
    assertThat(onExamples(Optional.of("critical-examples"), TODAY, "e1").scope()).isEqualTo("1 example for critical-examples");
    assertThat(onExamples(Optional.empty(), TODAY, "e1", "e2").scope()).isEqualTo("2 examples");
  }

  /** The policy checks each waiver against its rules and the golden set before any model runs. */
  @Nested
  class Validation {
    @TempDir Path directory;

    private void validate(Waiver waiver) {
      Path suiteFile = new TinyGoldenSet().writeTo(directory);
      GoldenSet goldenSet = GoldenSetLoader.load(directory);
      new GatePolicy(List.of(new MaxNegativeFlipRateRule(List.of("all"), 0.0), new MaxRobustnessDropRule(List.of("*"), 0.0)),
          GatePolicy.Underpowered.REPORT, List.of(waiver)).validate(goldenSet, suiteFile);
    }

    @Test
    void aWaiverOfARuleAndSliceItJudgesOrOfKnownExamplesIsAccepted() {
      validate(onSlice("max-negative-flip-rate", "all", TODAY));
      validate(onExamples(Optional.empty(), TODAY, "e1", "e1~nudge"));
      validate(new Waiver(FILE, 4, Optional.of("max-robustness-drop"), Optional.of(RuleCheck.Subject.perturbation("nudge")),
          Set.of(), "a", "b", "c", TODAY));
    }

    @Test
    void anUnknownRuleIsRefused() {
      assertThatThrownBy(() -> validate(onSlice("max-metric-drop", "all", TODAY))).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("waivers.yaml, line 3").hasMessageContaining("unknown rule")
          .hasMessageContaining("[max-negative-flip-rate, max-robustness-drop]");
    }

    @Test
    void aSliceOrPerturbationTheRuleDoesNotJudgeIsRefused() {
      assertThatThrownBy(() -> validate(onSlice("max-negative-flip-rate", "hard", TODAY)))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("slice the rule does not judge")
          .hasMessageContaining("judges: all");
      assertThatThrownBy(() -> validate(new Waiver(FILE, 4, Optional.of("max-robustness-drop"),
          Optional.of(RuleCheck.Subject.perturbation("blur")), Set.of(), "a", "b", "c", TODAY)))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("perturbation the rule does not judge");
    }

    @Test
    void aSliceAnotherRuleJudgesIsNotOneThisRuleJudges() {
      Path suiteFile = new TinyGoldenSet().writeTo(directory);
      GoldenSet goldenSet = GoldenSetLoader.load(directory);
      var policy = new GatePolicy(List.of(new MaxNegativeFlipRateRule(List.of("all"), 0.0),
          new MaxMetricDropRule("accuracy", List.of("hard"), 0.0, null)), GatePolicy.Underpowered.REPORT,
          List.of(onSlice("max-negative-flip-rate", "hard", TODAY)));

      assertThatThrownBy(() -> policy.validate(goldenSet, suiteFile)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("judges: all");
    }

    @Test
    void unknownExamplesAreRefusedByName() {
      assertThatThrownBy(() -> validate(onExamples(Optional.empty(), TODAY, "e1", "e7", "e8")))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown examples").hasMessageContaining("e7, e8");
    }
  }
}
