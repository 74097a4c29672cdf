package dev.flipgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A human baseline on a generated golden set (no bundled set has real annotators' answers): the
 * tiny set with a {@code human} column. e1 cat (human: cat), e2 dog (human: cat, wrong), e3 cat
 * (not annotated), e4 dog (human: dog). The deployed model gets all four right; the candidate
 * answers dog for e1 and cat for e4. On the annotated e1, e2, e4: people 2 of 3 right, the
 * deployed model 3 of 3, the candidate 1 of 3 — a third below people.
 */
class HumanBaselineTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();
  private CliRun run;

  @BeforeEach
  void givenAGoldenSetWithAHumanAnswerPerExample() {
    tiny.manifest = tiny.manifest.replace("metadata: [group], tagsColumn: tags }",
        "metadata: [group, human], tagsColumn: tags, humanColumn: human }");
    tiny.examples = """
        id,label,group,tags,human,f0,f1
        e1,cat,a,,cat,0.1,0.2
        e2,dog,a,hard,cat,0.9,0.8
        e3,cat,b,hard,,0.2,0.1
        e4,dog,b,,dog,0.8,0.9
        """;
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6")
        .replace("e4,dog,0.4,0.6", "e4,cat,0.6,0.4");
  }

  private JsonNode gate(String policy) throws IOException {
    tiny.policy = policy;
    Path suite = tiny.writeTo(directory);
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet", "--no-ledger");
    return Files.exists(directory.resolve("out/result.json"))
        ? new ObjectMapper().readTree(directory.resolve("out/result.json").toFile()) : null;
  }

  private static JsonNode slice(JsonNode result, String name) {
    for (JsonNode slice : result.path("slices")) {
      if (slice.path("name").asText().equals(name)) {
        return slice;
      }
    }
    throw new AssertionError("no slice " + name);
  }

  @Test
  void everySliceShowsPeoplesAccuracyBesideBothModelsOnTheAnnotatedExamples() throws IOException {
    JsonNode result = gate("policy:\n  rules:\n    - { rule: max-gap-to-human, slices: [all], max: 0.5 }\n");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode all = slice(result, "all").path("human");
    assertThat(all.path("annotated").asLong()).isEqualTo(3);
    assertThat(all.path("human").asDouble()).isEqualTo(2.0 / 3);
    assertThat(all.path("deployed").asDouble()).isEqualTo(1.0);
    assertThat(all.path("candidate").asDouble()).isEqualTo(1.0 / 3);
    assertThat(all.path("candidateGap").asDouble()).isEqualTo(1.0 / 3);
    assertThat(all.at("/humanCi/method").asText()).isEqualTo("clopper-pearson");
    // hard: e2 (people wrong, the candidate right) and e3, which nobody annotated.
    JsonNode hard = slice(result, "hard").path("human");
    assertThat(hard.path("annotated").asLong()).isEqualTo(1);
    assertThat(hard.path("human").asDouble()).isZero();
    assertThat(hard.path("candidateGap").asDouble()).isEqualTo(-1.0);

    assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("human accuracy [annotated]", "66.67% [3]");
    String report = Files.readString(directory.resolve("out/report.html"));
    assertThat(report).contains("<th data-sort=\"text\">human accuracy</th>", "66.67% of 3; candidate -33.33 pp",
        "human (annotated examples)");
  }

  @Test
  void theGapIsJudgedAtItsBoundary() {
    tiny.writeTo(directory);
    var goldenSet = dev.flipgate.goldenset.GoldenSetLoader.load(directory);
    var deployed = new java.util.HashMap<String, dev.flipgate.model.Prediction>();
    java.util.Map.of("e1", "cat", "e2", "dog", "e3", "cat", "e4", "dog", "e1~nudge", "cat")
        .forEach((id, label) -> deployed.put(id, dev.flipgate.model.Prediction.of(label)));
    var candidate = new java.util.HashMap<>(deployed);
    candidate.put("e1", dev.flipgate.model.Prediction.of("dog"));
    candidate.put("e4", dev.flipgate.model.Prediction.of("cat"));
    var comparison = dev.flipgate.comparison.ComparisonCalculator.compare(goldenSet, deployed, candidate,
        new dev.flipgate.comparison.EvidenceSettings(0.95, 200, 1));
    var location = new RuleLocation(directory.resolve("suite.yaml"), 0, MaxGapToHumanRule.ID);

    // People 2 of 3, the candidate 1 of 3: a gap of exactly a third.
    RuleCheck atTheMaximum = new MaxGapToHumanRule(java.util.List.of("all"), 1.0 / 3).check(comparison).get(0);
    RuleCheck above = new MaxGapToHumanRule(java.util.List.of("all"), 0.3).check(comparison).get(0);

    assertThat(atTheMaximum.passed()).isTrue();
    assertThat(atTheMaximum.message()).contains("within the maximum gap");
    assertThat(above.passed()).isFalse();
    assertThat(above.message()).contains("above the maximum gap");
    assertThat(new MaxGapToHumanRule(java.util.List.of("all"), 0.3).concern()).isEqualTo(Concern.HUMAN_GAP);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MaxGapToHumanRule(java.util.List.of("all"), 2.0)
        .validate(goldenSet, location)).isInstanceOf(dev.flipgate.failure.ConfigurationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MaxGapToHumanRule(java.util.List.of("nowhere"), 0.1)
        .validate(goldenSet, location)).hasMessageContaining("unknown slice");
  }

  @Test
  void maxGapToHumanBlocksACandidateFurtherBelowPeopleThanAllowed() throws IOException {
    JsonNode result = gate("policy:\n  rules:\n    - { rule: max-gap-to-human, slices: [all, group-a], max: 0.1 }\n");

    // group-a: people and the candidate each get one of e1, e2 right: no gap there.
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(result.path("reasons")).extracting(r -> r.path("slice").asText()).containsExactly("all");
    assertThat(result.at("/reasons/0/message").asText())
        .contains("3 annotated examples of 'all'", "33.33 pp below people", "human 66.67%", "candidate 33.33%");
  }

  @Test
  void aSliceNobodyAnnotatedFailsClosed() throws IOException {
    tiny.examples = tiny.examples.replace("e1,cat,a,,cat", "e1,cat,a,,").replace("e2,dog,a,hard,cat", "e2,dog,a,hard,");
    JsonNode result = gate("policy:\n  rules:\n    - { rule: max-gap-to-human, slices: [group-a], max: 1 }\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.at("/reasons/0/message").asText()).contains("no example a human annotated");
  }

  @Test
  void theRuleOnAGoldenSetWithoutHumanAnswersIsAConfigurationError() throws IOException {
    tiny.manifest = new TinyGoldenSet().manifest;
    tiny.examples = new TinyGoldenSet().examples;
    gate("policy:\n  rules:\n    - { rule: max-gap-to-human, slices: [all], max: 0.1 }\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml", "max-gap-to-human", "no human baseline", "examples.humanColumn");
  }

  @Test
  void anAnswerThatIsNotAClassNamesTheFileLineAndExample() throws IOException {
    tiny.examples = tiny.examples.replace("e4,dog,b,,dog", "e4,dog,b,,dgo");
    gate("policy:\n  rules:\n    - { rule: max-gap-to-human, slices: [all], max: 0.1 }\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("examples.csv, line 5, example e4", "unknown human answer", "'dgo'");
  }
}
