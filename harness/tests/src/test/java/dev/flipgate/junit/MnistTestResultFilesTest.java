package dev.flipgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.MnistRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code flipgate gate golden-sets/mnist/suite.yaml --junit-xml … --allure-results …}: the JUnit
 * XML and the Allure results of the README's main job agree with its own result.json.
 */
class MnistTestResultFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJunitXmlFailsExactlyTheReasonsTheVerdictAndTheBlockingAdversarialFailuresOfResultJson() throws Exception {
    assertThat(MnistRun.cnn().exitCode()).as(MnistRun.cnn().toString()).isEqualTo(1);
    JsonNode result = JSON.readTree(MnistRun.cnnDirectory().resolve("result.json").toFile());

    Set<String> expected = new TreeSet<>();
    expected.add("gate verdict");
    Set<String> blockingPerturbations = new HashSet<>();
    for (JsonNode reason : result.path("reasons")) {
      String subject = reason.hasNonNull("slice") ? reason.path("slice").asText()
          : reason.hasNonNull("perturbation") ? reason.path("perturbation").asText() : reason.path("example").asText();
      expected.add(reason.path("rule").asText() + " on " + subject);
      if (reason.hasNonNull("perturbation")) {
        blockingPerturbations.add(reason.path("perturbation").asText());
      }
    }
    for (JsonNode failure : result.path("adversarialFailures")) {
      String wanted = failure.path("expectation").asText().equals("true-label")
          ? failure.path("label").asText() : failure.path("candidateOnSource").asText();
      if (failure.path("deployed").asText().equals(wanted) && blockingPerturbations.contains(failure.path("perturbation").asText())) {
        expected.add("adversarial " + failure.path("perturbation").asText() + " on " + failure.path("id").asText());
      }
    }

    var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(MnistRun.junitXmlDirectory().resolve("TEST-flipgate.xml").toFile());
    Set<String> failed = new TreeSet<>();
    var testcases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < testcases.getLength(); i++) {
      var testcase = (Element) testcases.item(i);
      if (testcase.getElementsByTagName("failure").getLength() > 0) {
        failed.add(testcase.getAttribute("name"));
      }
      assertThat(testcase.getElementsByTagName("error").getLength()).as(testcase.getAttribute("name")).isZero();
    }
    assertThat(failed).isEqualTo(expected).contains("max-metric-drop on digit-6", "max-negative-flip-rate on all");
  }

  @Test
  void theAllureVerdictListsEveryFlipOfResultJsonAndTheRegressedSliceShowsItsFlipsAsImages() throws IOException {
    MnistRun.cnn();
    var allure = AllureResults.read(MnistRun.allureResultsDirectory());
    JsonNode result = JSON.readTree(MnistRun.cnnDirectory().resolve("result.json").toFile());

    String csv = new String(allure.attachment(allure.test("gate verdict"), "examples.csv"), StandardCharsets.UTF_8);
    assertThat(csv.lines().count() - 1).isEqualTo(result.path("flips").size());

    JsonNode digit6 = allure.test("max-metric-drop on digit-6");
    var images = AllureResults.attachmentNames(digit6).stream().filter(name -> name.endsWith(".png")).toList();
    assertThat(images).isNotEmpty().hasSizeLessThanOrEqualTo(TestFacts.MAX_IMAGES);
    var picture = ImageIO.read(new ByteArrayInputStream(allure.attachment(digit6, images.get(0))));
    assertThat(picture.getWidth()).isEqualTo(28 * dev.flipgate.report.ExamplePng.ZOOM);
    assertThat(picture.getHeight()).isEqualTo(28 * dev.flipgate.report.ExamplePng.ZOOM);
  }

  @Test
  void everyTestThatDidNotPassFallsIntoExactlyOneCategory() {
    MnistRun.cnn();
    var allure = AllureResults.read(MnistRun.allureResultsDirectory());

    assertThat(allure.tests()).filteredOn(t -> !t.path("status").asText().equals("passed")).isNotEmpty()
        .allSatisfy(t -> assertThat(allure.categoriesOf(t)).as(t.path("name").asText()).hasSize(1));
  }
}
