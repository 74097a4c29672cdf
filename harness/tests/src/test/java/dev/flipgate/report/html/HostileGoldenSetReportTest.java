package dev.flipgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flipgate.testing.Browser;
import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Golden sets hold adversarial text by design. A golden set whose ids, labels, slice names and
 * descriptions are XSS payloads renders inert: each payload shows as literal text and no script
 * from the data runs (each payload would set {@code window.__xss}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileGoldenSetReportTest {
  static final String SCRIPT_TAG = "<script>window.__xss=1</script>";
  static final String IMG_ONERROR = "\"><img src=x onerror=\"window.__xss=2\">";
  static final String TEXTAREA = "</textarea><svg onload=window.__xss=3>";
  static final String JAVASCRIPT_URL = "javascript:window.__xss=4";
  static final String QUOTED_ATTRIBUTE = "' onmouseover='window.__xss=5' x='";
  /** The example's own text, declared as the golden set's display column. */
  static final String TEXT = "review: <iframe src=javascript:window.__xss=7></iframe> & more";
  static final List<String> PAYLOADS = List.of(SCRIPT_TAG, IMG_ONERROR, TEXTAREA, JAVASCRIPT_URL, QUOTED_ATTRIBUTE, TEXT);

  private ChromeDriver browser;
  private Path report;

  @BeforeAll
  void renderTheHostileGoldenSet(@TempDir Path directory) throws IOException {
    writeHostileGoldenSet(directory);
    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(),
        "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    report = directory.resolve("out/report.html");
    browser = Browser.start();
    browser.get(report.toUri().toString());
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void noScriptFromTheDataRuns() {
    browser.findElements(By.cssSelector(".card, td, a")).forEach(element ->
        browser.executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", element));

    assertThat(browser.executeScript("return window.__xss === undefined;")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("body script"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("textarea, iframe, [onerror], [onload], [onmouseover]"))).isEmpty();
  }

  @Test
  void everyPayloadAppearsAsLiteralText() {
    String text = browser.findElement(By.tagName("body")).getText();

    PAYLOADS.forEach(payload -> assertThat(text).contains(payload));
  }

  @Test
  void showsTextExamplesAsText() {
    assertThat(browser.findElements(By.cssSelector(".card p.text")))
        .hasSize(4).allSatisfy(text -> assertThat(text.getText()).isEqualTo(TEXT));
  }

  @Test
  void linksOnlyToAnchorsOfThePageItself() {
    browser.findElements(By.cssSelector("a[href]")).forEach(link -> assertThat(link.getAttribute("href")).contains("#"));
    assertThat(browser.findElements(By.cssSelector("img"))).allSatisfy(
        image -> assertThat(image.getAttribute("src")).startsWith("data:image/png;base64,"));
    assertThat(browser.findElements(By.cssSelector("iframe, object, embed, form"))).isEmpty();
  }

  /** Two classes named by payloads, examples whose ids are payloads, slices named by payloads. */
  static void writeHostileGoldenSet(Path directory) throws IOException {
    String cat = TEXTAREA;
    String dog = "dog " + QUOTED_ATTRIBUTE;
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", "hostile " + SCRIPT_TAG);
    manifest.put("version", IMG_ONERROR);
    manifest.put("classes", List.of(cat, dog));
    manifest.put("input", Map.of("columns", Map.of("prefix", "px", "count", 4), "shape", List.of(2, 2, 1), "layout", "HWC"));
    manifest.put("examples", Map.of("file", "examples.csv", "metadata", List.of("group", "text"), "displayColumn", "text"));
    manifest.put("slices", List.of(
        Map.of("name", JAVASCRIPT_URL, "description", SCRIPT_TAG, "where", Map.of("column", "group", "equals", "a")),
        Map.of("name", IMG_ONERROR, "where", Map.of("column", "group", "equals", "b"))));
    new ObjectMapper(new YAMLFactory()).writeValue(directory.resolve("manifest.yaml").toFile(), manifest);

    List<List<String>> examples = List.of(
        List.of(SCRIPT_TAG, cat, "a", TEXT, "0", "255", "255", "0"),
        List.of(IMG_ONERROR, dog, "a", TEXT, "255", "0", "0", "255"),
        List.of(JAVASCRIPT_URL, cat, "b", TEXT, "10", "20", "30", "40"),
        List.of(QUOTED_ATTRIBUTE, dog, "b", TEXT, "0", "0", "0", "0"));
    Files.writeString(directory.resolve("examples.csv"),
        csv(List.of("id", "label", "group", "text", "px0", "px1", "px2", "px3"), examples));
    Files.writeString(directory.resolve("deployed.csv"), csv(List.of("id", "prediction"),
        examples.stream().map(e -> List.of(e.get(0), e.get(1))).toList()));
    // The candidate gets every example wrong: every one is a negative flip card.
    Files.writeString(directory.resolve("candidate.csv"), csv(List.of("id", "prediction"),
        examples.stream().map(e -> List.of(e.get(0), e.get(1).equals(cat) ? dog : cat)).toList()));
    Files.writeString(directory.resolve("suite.yaml"), """
        name: hostile
        goldenSet: .
        deployed: { type: predictions, name: "<b>deployed</b>", file: deployed.csv }
        candidates:
          new: { type: predictions, name: "<img src=x onerror=window.__xss=6>", file: candidate.csv }
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: ["*"], max: 0 }
        """);
  }

  private static String csv(List<String> header, List<List<String>> rows) throws IOException {
    var out = new StringWriter();
    try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    return out.toString();
  }
}
