package dev.flipgate.perturbation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.suite.SuiteReader;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Perturbations a suite declares, generated on the tiny golden set (e1 cat and e2 dog in group a,
 * inputs f0 and f1). Its models are predictions files, so they answer the generated ids from rows
 * written for them: the expectations are judged on those answers like any model's.
 */
class GeneratedPerturbationsTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  private static final String STEP = """
      perturbations:
        generate:
          - name: step
            change: { kind: feature-step, features: [f0], by: 0.5 }
            expect: dir
            slices: [group-a]
            direction: { class: dog, must: not-decrease }
      """;

  @Test
  void theSameSeedGeneratesTheSameExamplesForTheDeclaredSlicesSample() throws IOException {
    tiny.policy = tiny.policy + """
        perturbations:
          generate:
            - { name: wobble, change: { kind: jitter, features: [f0, f1], absolute: 0.05 }, expect: inv, sample: 3 }
        """;
    Path suite = tiny.writeTo(directory);

    var first = SuiteReader.read(suite).loadGoldenSet().adversarialExamples();
    var again = SuiteReader.read(suite).loadGoldenSet().adversarialExamples();

    var generated = first.stream().filter(a -> a.perturbation().equals("wobble")).toList();
    assertThat(generated).hasSize(3).allSatisfy(a -> {
      assertThat(a.id()).isEqualTo(a.sourceId() + "~wobble");
      assertThat(a.expectation()).isEqualTo(Expectation.INVARIANT);
    });
    assertThat(first).isEqualTo(again);
    assertThat(first).extracting(AdversarialExample::id).contains("e1~nudge"); // the curated rows stay
    assertThat(SuiteReader.read(suite).loadGoldenSet().perturbations()).containsKeys("nudge", "wobble");
  }

  @Test
  void aDirectionalExpectationFailsWhereTheScoreMovesTheWrongWayAndListsTheChangedValues() throws IOException {
    tiny.policy = """
        policy:
          rules:
            - { rule: max-robustness-drop, perturbations: [step], max: 0 }
        """ + STEP;
    // e1 (dog 0.1): the deployed model's dog score rises to 0.2, the candidate's falls to 0.05.
    tiny.deployedPredictions = tiny.deployedPredictions + "e1~step,cat,0.8,0.2\ne2~step,dog,0.1,0.9\n";
    tiny.candidatePredictions = tiny.candidatePredictions + "e1~step,cat,0.95,0.05\ne2~step,dog,0.1,0.9\n";
    Path suite = tiny.writeTo(directory);

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    JsonNode result = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
    assertThat(result.at("/adversarial/1/perturbation").asText()).isEqualTo("step");
    assertThat(result.at("/adversarial/1/candidateOnlyFailures")).extracting(JsonNode::asText).containsExactly("e1~step");
    JsonNode failure = result.at("/adversarialFailures/0");
    assertThat(failure.path("expectation").asText()).isEqualTo("directional");
    assertThat(failure.at("/direction/candidate/0").asDouble()).isEqualTo(0.1);
    assertThat(failure.at("/direction/candidate/1").asDouble()).isEqualTo(0.05);
    assertThat(failure.at("/direction/deployed/1").asDouble()).isEqualTo(0.2);
    assertThat(failure.at("/changes/0/feature").asText()).isEqualTo("f0");
    assertThat(failure.at("/changes/0/to").asDouble()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(failure.path("changes")).hasSize(1);
    assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("e1~step", "dog score 0.1000 → 0.0500", "f0 0.1");
  }

  @Test
  void aModelWithoutAnAnswerForAGeneratedExampleFailsClosed() throws IOException {
    tiny.policy = tiny.policy + STEP;
    Path suite = tiny.writeTo(directory);

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("e1~step");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }
}
