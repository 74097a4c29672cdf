package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.MnistReference;
import dev.flipgate.testing.MnistRun;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.SameMachineReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's main job, end to end: the README's first command on the bundled MNIST golden set
 * and real models, checked against an independent ONNX Runtime computation on the raw images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MnistGateAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double DIGIT_MAX_ACCURACY_DROP = 0.005; // the suite's policy for digit slices

  private Path reports;
  private final MnistReference reference = MnistReference.load();
  private CliRun cnnRun;
  private JsonNode cnnResult;
  private CliRun int8Run;
  private JsonNode int8Result;

  @BeforeAll
  void runTheGateOnBothCandidates(@TempDir Path reports) throws IOException {
    this.reports = reports;
    cnnRun = MnistRun.cnn();
    cnnResult = JSON.readTree(MnistRun.cnnDirectory().resolve("result.json").toFile());
    int8Run = CliRun.of("gate", RepositoryPaths.mnistSuite().toString(), "--candidate", "int8",
        "--out", reports.resolve("int8").toString(), "--quiet");
    int8Result = JSON.readTree(reports.resolve("int8/result.json").toFile());
  }

  @Nested
  class WithTheDefaultCandidateCnn {
    @Test
    void blocksWithExitCodeOneAndWritesBothReports() {
      assertThat(cnnRun.exitCode()).as(cnnRun.toString()).isEqualTo(1);
      assertThat(cnnResult.path("verdict").asText()).isEqualTo("BLOCK");
      assertThat(MnistRun.cnnDirectory().resolve("summary.md")).content().startsWith("# Flipgate: ⛔ BLOCK");
      assertThat(MnistRun.cnnDirectory().resolve("report.html")).content().contains("Content-Security-Policy");
      assertThat(cnnRun.out()).startsWith("BLOCK: candidate tribuo-pytorch-cnn vs deployed mnist-8");
    }

    @Test
    void measuresAllTenThousandExamplesWithTheReferenceAccuracies() {
      JsonNode all = slice(cnnResult, "all");
      assertThat(all.path("n").asInt()).isEqualTo(10_000);
      assertThat(all.path("deployed").path("accuracy").asDouble()).isCloseTo(0.9891, within(1e-12));
      assertThat(all.path("candidate").path("accuracy").asDouble()).isCloseTo(0.9904, within(1e-12));
      assertThat(all.path("deployed").path("accuracy").asDouble()).isCloseTo(reference.accuracy("mnist-8"), within(1e-12));
      assertThat(all.path("candidate").path("accuracy").asDouble()).isCloseTo(reference.accuracy("cnn"), within(1e-12));
    }

    @Test
    void findsExactlyTheFlipsAnIndependentOnnxRuntimeComputationFinds() {
      JsonNode all = slice(cnnResult, "all");
      assertThat(all.path("negativeFlips").asInt()).isEqualTo(reference.negativeFlips("cnn").size());
      assertThat(all.path("positiveFlips").asInt()).isEqualTo(reference.positiveFlips("cnn").size());
      assertThat(flipIds(cnnResult, "negative")).isEqualTo(reference.negativeFlips("cnn"));
      assertThat(flipIds(cnnResult, "positive")).isEqualTo(reference.positiveFlips("cnn"));
    }

    @Test
    void reasonsNameEveryNegativeFlip() {
      JsonNode reason = reasons(cnnResult).stream()
          .filter(r -> r.path("rule").asText().equals("max-negative-flip-rate") && r.path("slice").asText().equals("all"))
          .findFirst().orElseThrow();
      Set<String> named = new TreeSet<>();
      reason.path("examples").forEach(id -> named.add(id.asText()));
      assertThat(named).isEqualTo(reference.negativeFlips("cnn"));
      assertThat(reason.path("message").asText()).contains("0.42%", "42 of 10000");
    }

    @Test
    void reasonsNameEveryDigitSliceWhoseAccuracyDropsBeyondThePolicy() {
      Set<String> expected = new TreeSet<>();
      reference.digitsDroppingMoreThan("cnn", DIGIT_MAX_ACCURACY_DROP).forEach(d -> expected.add("digit-" + d));
      Set<String> named = new TreeSet<>();
      reasons(cnnResult).stream().filter(r -> r.path("rule").asText().equals("max-metric-drop"))
          .map(r -> r.path("slice").asText()).filter(s -> s.startsWith("digit-")).forEach(named::add);
      assertThat(expected).isNotEmpty();
      assertThat(named).isEqualTo(expected);
    }

    @Test
    void givesEverySliceIntervalsForItsDeltasAndItsNegativeFlipRate() {
      for (JsonNode slice : cnnResult.path("slices")) {
        JsonNode accuracy = slice.path("deltas").path("accuracy");
        assertThat(accuracy.path("ci").path("method").asText()).isEqualTo("tango-score");
        assertThat(slice.path("deltas").path("macroF1").path("ci").path("method").asText())
            .isEqualTo("paired-poisson-bootstrap-percentile");
        assertThat(accuracy.path("ci").path("level").asDouble()).isEqualTo(0.95);
        assertThat(accuracy.path("value").asDouble()).as(slice.path("name").asText())
            .isBetween(accuracy.path("ci").path("low").asDouble(), accuracy.path("ci").path("high").asDouble());
        assertThat(accuracy.path("test").asText()).isEqualTo("mcnemar-exact-one-sided");
        assertThat(slice.path("deltas").path("macroF1").path("ci").isObject()).isTrue();
        JsonNode nfr = slice.path("negativeFlipRate");
        assertThat(nfr.path("ci").path("method").asText()).isEqualTo("clopper-pearson");
        assertThat(nfr.path("upperBound").asDouble()).isGreaterThanOrEqualTo(nfr.path("value").asDouble());
      }
    }

    @Test
    void testsTheDigitSixDropWithMcNemarOnTheReferenceFlipCounts() {
      JsonNode digit6 = slice(cnnResult, "digit-6");
      long negative = digit6.path("negativeFlips").asLong();
      long positive = digit6.path("positiveFlips").asLong();

      // Under no difference each of the 7 discordant sixes is equally likely either way: P(X >= 7) = 0.5^7.
      assertThat(negative).isEqualTo(7);
      assertThat(positive).isZero();
      assertThat(digit6.path("deltas").path("accuracy").path("pValue").asDouble()).isCloseTo(Math.pow(0.5, 7), within(1e-15));
    }

    @Test
    void saysWhichDigitDropsAreNotSignificantAfterHolmCorrection() {
      List<JsonNode> significance = new ArrayList<>();
      cnnResult.path("checks").forEach(c -> {
        if (c.path("rule").asText().equals("significant-accuracy-drop")) {
          significance.add(c);
        }
      });

      assertThat(significance).extracting(c -> c.path("subject").asText())
          .containsExactly("digit-0", "digit-1", "digit-2", "digit-3", "digit-4", "digit-5", "digit-6", "digit-7",
              "digit-8", "digit-9");
      // digit-6 drops beyond the plain 0.5 pp threshold, yet 7 flips against 0 is p = 0.0078 alone and
      // not significant once ten digits are tested (Holm): reported as such, not hidden.
      JsonNode digit6 = significance.get(6);
      assertThat(digit6.path("passed").asBoolean()).isTrue();
      assertThat(digit6.path("message").asText()).contains("drops by 0.73 pp", "not significant at α = 0.05");
      assertThat(digit6.path("measured").asDouble()).isGreaterThan(0.05);
    }

    @Test
    void marksSlicesTooSmallForTheirThresholdAsUnderpowered() {
      assertThat(cnnResult.path("underpowered").size()).isPositive();
      cnnResult.path("underpowered").forEach(c ->
          assertThat(c.path("underpowered").asText()).contains("detectable at 80% power", "more than the threshold"));
      JsonNode allNfr = cnnResult.path("checks").get(0);
      assertThat(allNfr.path("subject").asText()).isEqualTo("all");
      assertThat(allNfr.has("underpowered")).as("10,000 examples can reveal a 0.25%% negative flip rate").isFalse();
      assertThat(slice(cnnResult, "all").path("negativeFlipRate").path("underpowered").asBoolean()).isFalse();
      assertThat(slice(cnnResult, "digit-6").path("deltas").path("accuracy").path("underpowered").asBoolean()).isTrue();
      assertThat(slice(cnnResult, "digit-6").path("deltas").path("macroF1").has("underpowered"))
          .as("no rule judged macroF1, so its power is not assessed").isFalse();
    }

    @Test
    void recordsProvenanceOfModelsAndGoldenSet() {
      JsonNode provenance = cnnResult.path("provenance");
      assertThat(provenance.path("goldenSet").path("examples").asInt()).isEqualTo(10_000);
      assertThat(provenance.path("goldenSet").path("sha256").asText()).hasSize(64);
      assertThat(provenance.path("models").path("deployed").path("sha256").asText())
          .isEqualTo("2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf");
      assertThat(provenance.path("models").path("candidate").path("sha256").asText())
          .isEqualTo("81602d5ede13305af0974c2d0659e2c861cacc0cb50bde550c1663c796352e08");
      assertThat(provenance.path("seed").asLong()).isEqualTo(20_261_127L);
      assertThat(cnnResult.path("schemaVersion").asInt()).isEqualTo(2);
    }

    @Test
    void givesIdenticalResultsOnASecondRunApartFromRunIdTimesAndMeasuredLatency() throws IOException {
      CliRun again = CliRun.of("gate", RepositoryPaths.mnistSuite().toString(), "--out",
          reports.resolve("cnn-again").toString(), "--quiet");
      JsonNode second = JSON.readTree(reports.resolve("cnn-again/result.json").toFile());
      assertThat(again.exitCode()).isEqualTo(cnnRun.exitCode());
      assertThat(withoutRunIdentity(second)).isEqualTo(withoutRunIdentity(cnnResult));
    }
  }

  @Nested
  class WithTheQuantizedCandidateInt8 {
    @Test
    void promotesWithExitCodeZeroUnderTheSamePolicy() {
      assertThat(int8Run.exitCode()).as(int8Run.toString()).isEqualTo(0);
      assertThat(int8Result.path("verdict").asText()).isEqualTo("PROMOTE");
      assertThat(int8Result.path("reasons")).isEmpty();
    }

    /**
     * The int8 model's answers depend on the CPU (its integer kernels differ by instruction set),
     * so its flips are checked against a reference computed on this machine at test time, the
     * float32 deployed model's against the committed one; a reference from another CPU would
     * disagree by a flip or two on some machines (an AVX-512 VNNI EPYC did).
     */
    @Test
    void listsExactlyTheFlipsOfTheInt8ModelRunOnThisMachine() {
      List<String> int8 = SameMachineReference.answers(RepositoryPaths.mnistModel("mnist-8-int8-qdq.derived.onnx"), "Input3",
          "Plus214_Output_0");
      Set<String> negative = new TreeSet<>();
      Set<String> positive = new TreeSet<>();
      for (int i = 0; i < int8.size(); i++) {
        var row = reference.rows().get(i);
        boolean before = row.deployed().equals(row.label());
        boolean after = int8.get(i).equals(row.label());
        if (before && !after) {
          negative.add(row.id());
        } else if (!before && after) {
          positive.add(row.id());
        }
      }

      assertThat(flipIds(int8Result, "negative")).isEqualTo(negative);
      assertThat(flipIds(int8Result, "positive")).isEqualTo(positive);
    }

    @Test
    void differsFromTheDeployedModelOnFewImagesOnEveryInstructionSet() {
      // What holds on every CPU: quantization moves at most a handful of the 10,000 answers.
      assertThat(flipIds(int8Result, "negative").size() + flipIds(int8Result, "positive").size()).isBetween(0, 20);
    }
  }

  private static JsonNode slice(JsonNode result, String name) {
    return StreamSupport.stream(result.path("slices").spliterator(), false)
        .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  private static Set<String> flipIds(JsonNode result, String kind) {
    Set<String> ids = new TreeSet<>();
    result.path("flips").forEach(f -> {
      if (f.path("kind").asText().equals(kind)) {
        ids.add(f.path("id").asText());
      }
    });
    return ids;
  }

  private static List<JsonNode> reasons(JsonNode result) {
    List<JsonNode> reasons = new ArrayList<>();
    result.path("reasons").forEach(reasons::add);
    return reasons;
  }

  private static JsonNode withoutRunIdentity(JsonNode result) {
    ObjectNode copy = result.deepCopy();
    ObjectNode provenance = (ObjectNode) copy.path("provenance");
    provenance.remove(List.of("runId", "startedAt", "finishedAt"));
    // Latency is measured afresh each run: its figures (and the latency checks' messages) differ.
    ((ObjectNode) copy.path("latency")).remove(List.of("deployed", "candidate"));
    var checks = (com.fasterxml.jackson.databind.node.ArrayNode) copy.path("checks");
    for (int i = checks.size() - 1; i >= 0; i--) {
      if (checks.get(i).path("subjectKind").asText().equals("latency")) {
        checks.remove(i);
      }
    }
    return copy;
  }

}
