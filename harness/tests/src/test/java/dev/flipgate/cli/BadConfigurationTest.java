package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Configuration that would change or void the verdict unseen is refused, located by line (exit 2). */
class BadConfigurationTest extends FailedClosedCorpus {

  @Nested
  class KeysGivenTwice {
    @Test
    void aMaxGivenTwiceInARuleCannotLoosenIt() {
      tiny.policy = """
          policy:
            rules:
              - { rule: max-negative-flip-rate, slices: [all], max: 0, max: 0.9 }
          """;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 8", "Duplicate field 'max'");
    }

    @Test
    void aTopLevelSuiteKeyGivenTwice() {
      tiny.policy = tiny.policy + "policy:\n  rules: []\n";

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 9", "Duplicate field 'policy'");
    }

    @Test
    void aManifestKeyGivenTwice() {
      tiny.manifest = tiny.manifest + "classes: [cat, dog, fox]\n";

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml, line 13", "Duplicate field 'classes'");
    }

    @Test
    void aSliceDeclarationKeyGivenTwice() {
      tiny.manifest = tiny.manifest.replace("{ name: hard, tag: hard }", "{ name: hard, tag: hard, tag: easy }");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml, line 8", "Duplicate field 'tag'");
    }
  }

  @Nested
  class RulesThatWouldJudgeNothing {
    @Test
    void aRobustnessRuleOnAGoldenSetWithoutAdversarialExamples() {
      tiny.manifest = tiny.manifest.replace("""
          adversarial:
            file: adversarial.csv
            perturbations: [ { name: nudge, description: "f0 moved a little" } ]
          """, "");
      tiny.policy = """
          policy:
            rules:
              - { rule: max-robustness-drop, perturbations: ["*"], max: 0.01 }
          """;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 8", "policy.rules[0] (max-robustness-drop)", "rule would judge nothing",
          "the golden set has no adversarial examples");
    }

    @Test
    void aCriticalExamplesRuleOnAGoldenSetWithoutCriticalExamples() {
      tiny.manifest = tiny.manifest.replace("critical: { ids: [e1] }\n", "");
      tiny.policy = "policy:\n  rules:\n    - { rule: critical-examples }\n";

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 8", "policy.rules[0] (critical-examples)", "no critical examples");
    }

    @Test
    void aLatencyRuleWithLatencyTurnedOff() {
      tiny.policy = """
          latency: { samples: 0 }
          policy:
            rules:
              - { rule: max-latency, percentile: 95, maxMs: 100 }
          """;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 9", "policy.rules[0] (max-latency)", "rule would judge nothing",
          "latency is off");
    }

    @Test
    void aPolicyWithoutRules() {
      tiny.policy = "policy:\n  rules: []\n";

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml", "a policy without rules would promote anything");
    }
  }

  @Nested
  class ResourceSettingsOutOfBounds {
    @Test
    void anAbsurdNumberOfResamples() {
      tiny.policy = "evidence: { resamples: 1000000000 }\n" + tiny.policy;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 6", "evidence.resamples", "from 100 to 100000", "1000000000");
    }

    @Test
    void tooFewResamples() {
      tiny.policy = "evidence: { resamples: 20 }\n" + tiny.policy;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 6", "evidence.resamples", "found:    20");
    }

    @Test
    void anAbsurdNumberOfLatencySamples() {
      tiny.policy = "latency: { samples: 50000000 }\n" + tiny.policy;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 6", "latency.samples", "from 0 to 100000");
    }

    @Test
    void aServedModelsBatchTooLargeForOneRequest() throws IOException {
      gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: kserve-v2, name: served, url: \"http://127.0.0.1:9\", model: m, input: { name: x, shape: [-1, 2] },"
              + " output: { name: y, kind: probabilities }, batchSize: 10000000 }");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line", "model 'served'.batchSize", "from 1 to 4096", "10000000");
    }

    @Test
    void aServedModelWithNoRequestInFlight() throws IOException {
      gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: kserve-v2, name: served, url: \"http://127.0.0.1:9\", model: m, input: { name: x, shape: [-1, 2] },"
              + " output: { name: y, kind: probabilities }, concurrency: 0 }");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("model 'served'.concurrency", "from 1 to 256", "found:    0");
    }

    @Test
    void aServedModelWithAnHourLongTimeout() throws IOException {
      gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: kserve-v2, name: served, url: \"http://127.0.0.1:9\", model: m, input: { name: x, shape: [-1, 2] },"
              + " output: { name: y, kind: probabilities }, readTimeoutMs: 3600000 }");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("model 'served'.readTimeoutMs", "from 1 to 600000");
    }

    @Test
    void aSubprocessBatchTooLarge() throws IOException {
      gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: subprocess, name: proc, command: [python3, model.py], batchSize: 100000 }");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line", "model 'proc'.batchSize", "from 1 to 4096");
    }

    @Test
    void aSubprocessWithoutTime() throws IOException {
      gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: subprocess, name: proc, command: [python3, model.py], timeoutMs: 0 }");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("model 'proc'.timeoutMs", "found:    0");
    }
  }

  @Nested
  class OtherSettings {
    @Test
    void anEvidenceLevelThatIsNotAProbability() {
      tiny.policy = "evidence: { level: 1.5 }\n" + tiny.policy;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml", "evidence", "level 1.5", "unusable evidence settings");
    }

    @Test
    void anUnknownUnderpoweredHandling() {
      tiny.policy = tiny.policy.replace("policy:\n", "policy:\n  underpowered: ignore\n");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("policy.underpowered", "report or block", "'ignore'");
    }

    @Test
    void aDefaultCandidateThatIsNotDeclared() {
      tiny.policy = "defaultCandidate: newest\n" + tiny.policy;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml", "unknown default candidate", "'newest'");
    }

    @Test
    void aSuiteThatIsNotYaml() {
      tiny.policy = "policy:\n  rules:\n    - { rule: max-negative-flip-rate, slices: [all, max: 0 }\n";

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line", "invalid suite");
    }

    @Test
    void aThresholdAboveOne() {
      tiny.policy = tiny.policy.replace("max: 0 }", "max: 1.5 }");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line 8", "policy.rules[0]", "1.5");
    }
  }
}
