package dev.flipgate.junit;

import static dev.flipgate.junit.AllureResults.label;
import static dev.flipgate.junit.AllureResults.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's tests as Allure sees them, through Allure's real JUnit Platform listener: on the
 * tiny golden set, the candidate breaks the critical example e1 (so slices all and group-a
 * regress) and fails the adversarial example e1~nudge.
 */
class AllureDetailsTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();
  private AllureResults allure;

  @BeforeEach
  void givenACandidateThatBreaksTheCriticalExampleAndAnAdversarialOne() {
    tiny.policy = TinyGoldenSet.THREE_RULE_POLICY;
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6")
        .replace("e1~nudge,cat,0.8,0.2", "e1~nudge,dog,0.3,0.7");
  }

  private AllureResults run(Map<String, String> extra) {
    tiny.writeTo(directory.resolve("set"));
    var parameters = new java.util.HashMap<>(Map.of(
        "flipgate.baseDir", directory.resolve("set").toString(),
        "flipgate.out", directory.resolve("reports").toString()));
    parameters.putAll(extra);
    return AllureResults.ofRun(directory.resolve("allure-results"), parameters, selectClass(TinySuiteFixture.class));
  }

  @Test
  void aRegressedSliceIsFailedWithSuiteFeatureAndSeverityLabelsAndBothModelsAsParameters() throws IOException {
    allure = run(Map.of());

    JsonNode test = allure.test("max-negative-flip-rate on group-a");
    assertThat(test.path("status").asText()).isEqualTo("failed");
    assertThat(label(test, "suite")).contains("tiny");
    assertThat(label(test, "subSuite")).contains("max-negative-flip-rate");
    assertThat(label(test, "feature")).contains("slice group-a");
    assertThat(label(test, "severity")).contains("critical");
    assertThat(parameter(test, "deployed model")).contains("old");
    assertThat(parameter(test, "candidate model")).contains("new");
    assertThat(parameter(test, "deployed sha256")).contains(sha256(directory.resolve("set/deployed.csv")));
    assertThat(parameter(test, "candidate sha256")).contains(sha256(directory.resolve("set/candidate.csv")));
  }

  @Test
  void aRegressedSliceCarriesItsNegativeFlipsAsCsv() throws IOException {
    allure = run(Map.of());

    var rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(allure.attachment(allure.test("max-negative-flip-rate on all"), "examples.csv"),
            StandardCharsets.UTF_8))).getRecords();
    assertThat(rows).extracting(r -> r.get("id"), r -> r.get("expected"), r -> r.get("deployed"), r -> r.get("candidate"),
        r -> r.get("outcome")).containsExactly(org.assertj.core.groups.Tuple.tuple("e1", "cat", "cat", "dog", "negative"));
    assertThat(rows).extracting((CSVRecord r) -> r.get("candidate_confidence")).containsExactly("0.6000");
  }

  @Test
  void aBrokenCriticalExampleIsABlocker() {
    allure = run(Map.of());

    JsonNode test = allure.test("critical-examples on e1");
    assertThat(test.path("status").asText()).isEqualTo("failed");
    assertThat(label(test, "severity")).contains("blocker");
    assertThat(label(test, "feature")).contains("critical example e1");
  }

  @Test
  void theVerdictCarriesTheRunsOwnReportsAndAllItsFlips() throws IOException {
    allure = run(Map.of());

    JsonNode verdict = allure.test("gate verdict");
    assertThat(verdict.path("status").asText()).isEqualTo("failed");
    assertThat(AllureResults.attachmentNames(verdict)).contains("result.json", "summary.md", "report.html", "examples.csv");
    Path writtenResult = directory.resolve("reports/tinysuitefixture/result.json");
    assertThat(allure.attachment(verdict, "result.json")).isEqualTo(Files.readAllBytes(writtenResult));
  }

  @Test
  void everyFailedSkippedOrBrokenTestFallsIntoExactlyOneCategory() {
    allure = run(Map.of());

    assertThat(allure.categoriesOf(allure.test("max-negative-flip-rate on all"))).containsExactly("Negative flips");
    assertThat(allure.categoriesOf(allure.test("critical-examples on e1"))).containsExactly("Critical examples");
    assertThat(allure.categoriesOf(allure.test("max-robustness-drop on nudge"))).containsExactly("Adversarial");
    assertThat(allure.categoriesOf(allure.test("adversarial nudge on e1~nudge"))).containsExactly("Adversarial");
    assertThat(allure.categoriesOf(allure.test("gate verdict"))).containsExactly("Gate verdicts");
    assertThat(allure.tests()).filteredOn(t -> !t.path("status").asText().equals("passed"))
        .allSatisfy(t -> assertThat(allure.categoriesOf(t)).as(t.path("name").asText()).hasSize(1));
  }

  @Test
  void anAdversarialFailureCarriesTheImagesOrRowsOfTheExampleAndItsSource() {
    allure = run(Map.of());

    JsonNode test = allure.test("adversarial nudge on e1~nudge");
    assertThat(label(test, "feature")).contains("perturbation nudge");
    String csv = new String(allure.attachment(test, "examples.csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("e1~nudge,e1,nudge,cat,cat,dog").contains("\ne1,,,cat,cat,dog");
  }

  @Test
  void aModelFaultIsBrokenAndCategorizedAsInfrastructure() {
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3\n", "");
    allure = run(Map.of());

    JsonNode test = allure.test("max-negative-flip-rate on all");
    assertThat(test.path("status").asText()).isEqualTo("broken");
    assertThat(test.path("statusDetails").path("message").asText()).contains("e3");
    assertThat(allure.categoriesOf(test)).containsExactly("Infrastructure (model, endpoint or configuration fault)");
  }

  @Test
  void theEnvironmentNamesTheGoldenSetAndBothModelsByHash() throws IOException {
    allure = run(Map.of());

    var environment = new Properties();
    try (var reader = Files.newBufferedReader(directory.resolve("allure-results/environment.properties"))) {
      environment.load(reader);
    }
    assertThat(environment.getProperty("tiny.deployed")).isEqualTo("old (sha256 " + sha256(directory.resolve("set/deployed.csv")) + ")");
    assertThat(environment.getProperty("tiny.verdict")).isEqualTo("BLOCK");
    assertThat(environment.getProperty("tiny.goldenSet")).startsWith("tiny 1 (sha256 ");
  }

  @Test
  void withAllureTurnedOffTheTestsCarryNoFlipgateDetails() {
    allure = run(Map.of(TestDetails.ALLURE_ENABLED, "false"));

    assertThat(label(allure.test("max-negative-flip-rate on all"), "feature")).isEmpty();
    assertThat(directory.resolve("allure-results/categories.json")).doesNotExist();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
