package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A generated perturbation that cannot be made as declared stops the run before any model runs,
 * naming the suite, the perturbation's line and what is wrong.
 */
class PerturbationFaultsTest extends FailedClosedCorpus {

  private void perturbations(String generate) {
    tiny.policy = tiny.policy + "perturbations:\n  range: [0, 1]\n  generate:\n" + generate;
  }

  @Test
  void anUnknownKindNamesTheKinds() {
    perturbations("    - { name: blur, change: { kind: blur, radius: 2 }, expect: inv }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml", "line", "'blur'", "jitter");
  }

  @Test
  void aParameterOutOfRangeIsNamed() {
    perturbations("    - { name: ok, change: { kind: jitter, features: [f0], relative: 0.01 }, expect: inv }\n"
        + "    - { name: wild, change: { kind: jitter, features: [f0], relative: 3 }, expect: inv }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml, line 13", "perturbations.generate[1] (wild)", "relative: a number from 0.0 to 1.0",
        "out of range");
  }

  @Test
  void aDirectionOnAFeatureThatDoesNotExistIsNamed() {
    perturbations("    - name: bigger\n      change: { kind: feature-step, features: [radius], by: 0.1 }\n"
        + "      expect: dir\n      direction: { class: dog, must: not-decrease }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml, line 12", "'radius'", "a feature the inputs do not have");
  }

  @Test
  void aDirectionOnAClassThatDoesNotExistIsNamed() {
    perturbations("    - name: bigger\n      change: { kind: feature-step, features: [f0], by: 0.1 }\n"
        + "      expect: dir\n      direction: { class: bird, must: not-decrease }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'bird'", "[cat, dog]", "unusable direction");
  }

  @Test
  void aSampleOfZeroIsRefused() {
    perturbations("    - { name: none, change: { kind: jitter, features: [f0], absolute: 0.1 }, expect: inv, sample: 0 }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sample: at least 1");
  }

  @Test
  void anImageChangeOnFeaturesIsRefused() {
    perturbations("    - { name: turn, change: { kind: rotation, degrees: 10 }, expect: inv }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("an image input (layout: HWC)", "does not suit the inputs");
  }

  @Test
  void anUnknownExpectationIsRefused() throws IOException {
    perturbations("    - { name: w, change: { kind: jitter, features: [f0], absolute: 0.1 }, expect: invariant }\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expect: inv", "'invariant'");
  }
}
