package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.Prediction;
import dev.flipgate.statistics.TangoScoreInterval;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * max-attack-success-increase on attack outcomes laid out by hand: the four tiny examples attacked,
 * e1 and e2 in group a; the slice 'hard' (e2, e3) and 'group-a'.
 */
class AttackRuleTest {
  @TempDir Path directory;
  private GoldenSet goldenSet;
  private Path suiteFile;
  private Comparison answers;

  @BeforeEach
  void compareTwoIdenticalModels() {
    suiteFile = new TinyGoldenSet().writeTo(directory);
    goldenSet = GoldenSetLoader.load(directory).withAttacks(Map.of("search", "a test attack"));
    Map<String, Prediction> both = new HashMap<>(Map.of("e1", Prediction.of("cat"), "e2", Prediction.of("dog"),
        "e3", Prediction.of("cat"), "e4", Prediction.of("dog"), "e1~nudge", Prediction.of("cat")));
    answers = ComparisonCalculator.compare(goldenSet, both, both, new EvidenceSettings(0.95, 200, 1));
  }

  private static AttackComparison.Outcome fooled(boolean fooled) {
    return new AttackComparison.Outcome(fooled, 10, Prediction.of(fooled ? "wrong" : "right"), List.of());
  }

  private static AttackComparison.Attacked attacked(String id, boolean deployed, boolean candidate, String... slices) {
    return new AttackComparison.Attacked(0, id, "cat", List.of(slices), fooled(deployed), fooled(candidate));
  }

  private List<RuleCheck> check(MaxAttackSuccessIncreaseRule rule, List<AttackComparison.Attacked> attacked) {
    rule.validate(goldenSet, new RuleLocation(suiteFile, 0, rule.id()));
    return rule.check(answers.withAttacks(List.of(new AttackComparison("search", "a test attack", 10, attacked))));
  }

  @Test
  void blocksWhenTheAttackFoolsTheCandidateMoreOftenAndNamesThoseExamples() {
    var attacked = List.of(attacked("e1", false, true, "all", "group-a"), attacked("e2", false, true, "all", "group-a"),
        attacked("e3", true, true, "all"), attacked("e4", false, false, "all"));

    List<RuleCheck> checks = check(new MaxAttackSuccessIncreaseRule(List.of("*"), List.of("all"), 0.1, null), attacked);

    assertThat(checks).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(RuleCheck.Subject.attack("search", "all"));
      assertThat(c.passed()).isFalse();
      assertThat(c.measured().getAsDouble()).isEqualTo(0.5); // fooled 3 of 4 against 1 of 4
      assertThat(c.exampleIds()).containsExactly("e1", "e2");
      assertThat(c.message()).contains("fools the candidate on 3 and the deployed model on 1 of 4");
    });
  }

  @Test
  void judgedOnTheLowerBoundNoiseAloneDoesNotBlock() {
    var attacked = List.of(attacked("e1", false, true, "all"), attacked("e2", false, false, "all"),
        attacked("e3", false, false, "all"), attacked("e4", false, false, "all"));

    RuleCheck check = check(new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("all"), 0.1, "lower-bound"), attacked)
        .get(0);

    assertThat(check.measured().getAsDouble()).isEqualTo(TangoScoreInterval.interval(1, 0, 4, 0.95).low());
    assertThat(check.passed()).isTrue();
  }

  @Test
  void aSliceWithNoAttackedExampleFailsClosed() {
    RuleCheck check = check(new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("hard"), 0.1, null),
        List.of(attacked("e1", false, false, "all", "group-a"))).get(0);

    assertThat(check.passed()).isFalse();
    assertThat(check.measured()).isEmpty();
    assertThat(check.message()).contains("attacked no example of 'hard'");
  }

  @Test
  void aCandidateNoEasierToFoolPasses() {
    var attacked = List.of(attacked("e1", true, true, "all"), attacked("e2", true, false, "all"));

    RuleCheck check = check(new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("all"), 0.0, null), attacked).get(0);

    assertThat(check.measured().getAsDouble()).isEqualTo(-0.5);
    assertThat(check.passed()).isTrue();
  }

  @Test
  void anIncreaseOfExactlyTheMaximumPassesAndSaysWithin() {
    var attacked = List.of(attacked("e1", false, true, "all"), attacked("e2", false, false, "all"),
        attacked("e3", false, false, "all"), attacked("e4", false, false, "all"));

    RuleCheck check = check(new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("all"), 0.25, null), attacked).get(0);

    assertThat(check.passed()).isTrue();
    assertThat(check.message()).contains("within the maximum increase 25.00 pp", ": only the candidate fooled on e1");
    RuleCheck none = check(new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("all"), 0.25, null),
        List.of(attacked("e1", false, false, "all"))).get(0);
    assertThat(none.message()).doesNotContain("only the candidate fooled");
  }

  @Test
  void aRuleJudgesOnlyTheAttacksItNames() {
    var rule = new MaxAttackSuccessIncreaseRule(List.of("other"), List.of("all"), 0.1, null);
    goldenSet = goldenSet.withAttacks(Map.of("search", "a test attack", "other", "another"));

    assertThat(rule.subjects(goldenSet)).containsExactly(RuleCheck.Subject.attack("other", "all"));
    assertThat(rule.check(answers.withAttacks(List.of(new AttackComparison("search", "", 10,
        List.of(attacked("e1", false, true, "all"))))))).isEmpty();
    assertThat(rule.id()).isEqualTo("max-attack-success-increase");
    assertThat(rule.concern()).isEqualTo(Concern.ATTACK);
  }

  @Test
  void aMaximumThatIsNotARateOrAnUnknownSliceIsRefused() {
    var location = new RuleLocation(suiteFile, 0, MaxAttackSuccessIncreaseRule.ID);
    assertThatThrownBy(() -> new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("all"), 1.5, null)
        .validate(goldenSet, location)).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> new MaxAttackSuccessIncreaseRule(List.of("search"), List.of("nowhere"), 0.1, null)
        .validate(goldenSet, location)).isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown slice");
  }

  @Test
  void subjectsAreEachAttackOnEachSlice() {
    var rule = new MaxAttackSuccessIncreaseRule(List.of("*"), List.of("all", "hard"), 0.1, null);

    assertThat(rule.subjects(goldenSet)).containsExactly(RuleCheck.Subject.attack("search", "all"),
        RuleCheck.Subject.attack("search", "hard"));
    assertThatThrownBy(() -> new MaxAttackSuccessIncreaseRule(List.of("blur"), List.of("all"), 0.1, null)
        .validate(goldenSet, new RuleLocation(suiteFile, 0, MaxAttackSuccessIncreaseRule.ID)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown attack");
  }
}
