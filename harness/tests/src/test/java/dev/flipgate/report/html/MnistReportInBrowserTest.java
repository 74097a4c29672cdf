package dev.flipgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.Browser;
import dev.flipgate.testing.MnistRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/** The MNIST demo's report.html, opened from disk in a real headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MnistReportInBrowserTest {
  private ChromeDriver browser;
  private JsonNode result;
  private List<LogEntry> consoleOnLoad;
  private long loadMillis;

  @BeforeAll
  void openTheReport() throws IOException {
    Path directory = MnistRun.cnnDirectory();
    result = new ObjectMapper().readTree(directory.resolve("result.json").toFile());
    browser = Browser.start();
    long started = System.nanoTime();
    browser.get(directory.resolve("report.html").toUri().toString());
    loadMillis = (System.nanoTime() - started) / 1_000_000;
    consoleOnLoad = browser.manage().logs().get("browser").getAll();
    Object pageLoad = browser.executeScript(
        "var t = performance.getEntriesByType('navigation')[0]; return Math.round(t.loadEventEnd - t.startTime);");
    // A figure for the notes (bench/report-load/run.sh prints it), not an assertion: tests never depend on timing.
    System.out.printf("report.html (%d bytes): load event after %s ms, WebDriver navigation %d ms%n",
        Files.size(directory.resolve("report.html")), pageLoad, loadMillis);
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void loadsWithNoConsoleErrors() {
    assertThat(consoleOnLoad).filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
  }

  @Test
  void showsTheVerdictAndEveryReason() {
    assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("BLOCK");
    assertThat(browser.findElements(By.cssSelector("#reasons li"))).hasSize(result.path("reasons").size());
    assertThat(browser.findElement(By.id("reasons")).getText()).contains("digit-6");
    // Every id stays in the page, collapsed under its reason.
    assertThat(browser.findElement(By.id("reasons")).getAttribute("textContent")).contains("t10k-00259");
  }

  @Test
  void showsBothModelsLatencyAsResultJsonHasIt() {
    List<WebElement> rows = browser.findElements(By.cssSelector("#latency tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).startsWith("deployed")
        .contains(String.format(java.util.Locale.ROOT, "%.3f ms", result.at("/latency/deployed/p95Ms").asDouble()));
    assertThat(rows.get(1).getText()).startsWith("candidate")
        .contains(String.format(java.util.Locale.ROOT, "%.3f ms", result.at("/latency/candidate/p99Ms").asDouble()));
    assertThat(browser.findElement(By.id("latency")).getText()).contains("measured in this run");
  }

  @Test
  void showsOneCardWithARenderedDigitForEachNegativeFlip() {
    long negativeFlips = StreamSupport.stream(result.path("slices").spliterator(), false)
        .filter(s -> s.path("name").asText().equals("all")).findFirst().orElseThrow().path("negativeFlips").asLong();
    List<WebElement> cards = browser.findElements(By.cssSelector(".card.negative"));

    assertThat(cards).hasSize((int) negativeFlips);
    for (WebElement image : browser.findElements(By.cssSelector(".card img"))) {
      Object width = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
      Object height = browser.executeScript("return arguments[0].naturalHeight;", image);
      assertThat(((Number) width).intValue()).as(image.getAttribute("alt")).isEqualTo(28 * dev.flipgate.report.ExamplePng.ZOOM);
      assertThat(((Number) height).intValue()).isEqualTo(28 * dev.flipgate.report.ExamplePng.ZOOM);
    }
  }

  @Test
  void showsAdversarialFailuresBesideTheirSource() {
    List<WebElement> adversarial = browser.findElements(By.cssSelector(".card.adversarial"));

    assertThat(adversarial).hasSize(result.path("adversarialFailures").size());
    // The source, the adversarial example, and what changed between them.
    List<WebElement> images = adversarial.get(0).findElements(By.tagName("img"));
    assertThat(images).hasSize(3);
    assertThat(images.get(2).getAttribute("alt")).isEqualTo("what changed in " + result.at("/adversarialFailures/0/id").asText());
  }

  @Test
  void showsEachAttackPerSliceAndTheImagesOnlyTheCandidateWasFooledOn() {
    JsonNode attack = result.at("/attacks/0");
    assertThat(browser.findElements(By.cssSelector("#attack-table tbody tr"))).hasSize(attack.path("slices").size());
    int candidateOnly = 0;
    for (JsonNode example : attack.path("examples")) {
      candidateOnly += example.at("/candidate/fooled").asBoolean() && !example.at("/deployed/fooled").asBoolean() ? 1 : 0;
    }
    List<WebElement> cards = browser.findElements(By.cssSelector("#attack-cards .card"));
    assertThat(cards).hasSize(candidateOnly);
    // Source, the input the attack found, and what changed: each a decoded image.
    cards.forEach(card -> assertThat(card.findElements(By.tagName("img"))).hasSize(3)
        .allSatisfy(img -> assertThat((Boolean) browser.executeScript("return arguments[0].naturalWidth > 0;", img)).isTrue()));
  }

  @Test
  void putsRegressedSlicesFirstAndSortsByAnyColumn() {
    assertThat(sliceNames().subList(0, 3)).containsExactlyInAnyOrder("all", "digit-6", "confusable");

    WebElement byN = browser.findElement(By.xpath("//table[@id='slice-table']//th[text()='n']"));
    byN.click();
    List<Long> ascending = sliceSizes();
    byN.click();
    List<Long> descending = sliceSizes();

    assertThat(ascending).isSorted();
    assertThat(descending.get(0)).isEqualTo(10_000L);
    assertThat(descending).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void filtersTheGalleryBySliceAndKind() {
    var slice = new Select(browser.findElement(By.id("slice-filter")));
    var kind = new Select(browser.findElement(By.id("kind-filter")));

    slice.selectByValue("digit-6");
    kind.selectByValue("negative");
    assertThat(visibleCards()).hasSize(7);

    slice.selectByValue("");
    kind.selectByValue("adversarial");
    assertThat(visibleCards()).hasSize(result.path("adversarialFailures").size());
    assertThat(browser.findElement(By.id("shown-cards")).getText())
        .isEqualTo(String.valueOf(result.path("adversarialFailures").size()));
    kind.selectByValue("");
  }

  /**
   * A reviewer on a 1400×900 screen sees, without scrolling, the verdict, the headline numbers
   * (as result.json has them) and at least one flipped example's image under its reason.
   */
  @Test
  void theFirstScreenShowsTheVerdictTheHeadlineNumbersAndAFlippedExample() throws IOException {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 1400, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    try {
      browser.executeScript("window.scrollTo(0, 0);");
      for (String selector : List.of("#verdict", "#headline-metric", "#headline-negative", "#headline-positive",
          "#reasons .thumbs img")) {
        assertThat(withinFirstScreen(browser.findElement(By.cssSelector(selector)))).as(selector + " without scrolling").isTrue();
      }
      assertThat(browser.findElement(By.cssSelector("#headline-metric .value")).getText()).isEqualTo(String.format(
          java.util.Locale.ROOT, "%.2f%% → %.2f%%", result.at("/slices/0/deployed/accuracy").asDouble() * 100,
          result.at("/slices/0/candidate/accuracy").asDouble() * 100));
      assertThat(browser.findElement(By.cssSelector("#headline-negative .value")).getText())
          .isEqualTo(String.valueOf(result.at("/flipCounts/negative").asLong()));
      WebElement thumb = browser.findElement(By.cssSelector("#reasons .thumbs img"));
      assertThat((Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", thumb))
          .as("the thumbnail is a decoded image").isTrue();
      // The thumbnail is one of the first reason's examples, and the reason's ids stay one click away.
      assertThat(thumb.getAttribute("alt")).isIn(StreamSupport.stream(result.at("/reasons/0/examples").spliterator(), false)
          .map(JsonNode::asText).toList());
      assertThat(browser.findElement(By.cssSelector("#reasons details.ids summary")).getText())
          .isEqualTo(result.at("/reasons/0/examples").size() + " example ids");
      Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Path artifact = RepositoryPaths.root().resolve("harness/tests/target/screenshots/mnist-first-screen.png");
      Files.createDirectories(artifact.getParent());
      Files.copy(screenshot, artifact, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }
  }

  private boolean withinFirstScreen(WebElement element) {
    return (Boolean) browser.executeScript("var r = arguments[0].getBoundingClientRect();"
        + " return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0"
        + " && r.bottom <= window.innerHeight && r.right <= window.innerWidth;", element);
  }

  @Test
  void savesAFullPageScreenshot() throws IOException {
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16_000)));
    Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path artifact = RepositoryPaths.root().resolve("harness/tests/target/screenshots/mnist-report.png");
    Files.createDirectories(artifact.getParent());
    Files.copy(screenshot, artifact, StandardCopyOption.REPLACE_EXISTING);

    assertThat(Files.size(artifact)).isGreaterThan(10_000);
    browser.manage().window().setSize(new Dimension(1280, 1600));
  }

  private List<WebElement> visibleCards() {
    return browser.findElements(By.cssSelector("#gallery .card")).stream().filter(WebElement::isDisplayed).toList();
  }

  private List<String> sliceNames() {
    return browser.findElements(By.cssSelector("#slice-table tbody tr td.slice-name")).stream().map(WebElement::getText).toList();
  }

  private List<Long> sliceSizes() {
    return browser.findElements(By.cssSelector("#slice-table tbody tr")).stream()
        .map(row -> Long.parseLong(row.findElements(By.tagName("td")).get(1).getText())).toList();
  }
}
