package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An attack that cannot run as declared stops the run before any model runs (or, for a model
 * whose answers are stored, before any attack query), naming the suite and what is wrong.
 */
class AttackFaultsTest extends FailedClosedCorpus {

  @Test
  void aBudgetOfZeroIsRefused() {
    tiny.policy = tiny.policy + """
        perturbations: { range: [0, 1] }
        attacks:
          - { name: search, method: { kind: linf-random, epsilon: 0.1, budget: 0 }, examples: 2 }
        """;

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml, line 11", "attacks[0] (search)", "budget: at least 1 query");
  }

  @Test
  void aPixelAttackOnFeaturesIsRefused() {
    tiny.policy = tiny.policy + """
        perturbations: { range: [0, 1] }
        attacks:
          - { name: one-pixel, method: { kind: pixels, pixels: 1, population: 10, budget: 100 }, examples: 2 }
        """;

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("an image input (layout: HWC) for a pixel attack");
  }

  @Test
  void anAttackWithoutARangeIsRefused() {
    tiny.policy = tiny.policy + """
        attacks:
          - { name: search, method: { kind: linf-random, epsilon: 0.1, budget: 10 }, examples: 2 }
        """;

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("perturbations.range", "attack without a range");
  }

  @Test
  void aRuleNamingAnUndeclaredAttackIsRefused() {
    tiny.policy = """
        policy:
          rules:
            - { rule: max-attack-success-increase, attacks: [one-pixel], slices: [all], max: 0.05 }
        """;

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("max-attack-success-increase", "'one-pixel'", "rule names an unknown attack");
  }

  /** The tiny set's models are predictions files: they cannot answer inputs an attack makes up. */
  @Test
  void attackingStoredAnswersIsRefused() {
    tiny.policy = tiny.policy + """
        perturbations: { range: [0, 1] }
        attacks:
          - { name: search, method: { kind: linf-random, epsilon: 0.1, budget: 10 }, examples: 2 }
        """;

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot attack stored answers", "'old'");
  }
}
