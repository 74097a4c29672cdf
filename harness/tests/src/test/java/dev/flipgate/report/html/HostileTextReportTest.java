package dev.flipgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.Browser;
import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A text golden set whose sentences are XSS payloads, gated with a CheckList name swap: the
 * candidate (a real Python process) reads "good" as positive only beside the name John, so every
 * swapped name is a failure only the candidate has, and one sentence without John is a negative
 * flip. In a real browser: the flip shows its sentence, each failure shows its source sentence
 * beside the perturbed one with exactly the swapped name highlighted, and no payload runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextReportTest {
  static final String SCRIPT = "John said <script>window.__xss=1</script> it is good";
  static final String IMAGE = "John wrote \"><img src=x onerror=\"window.__xss=2\"> good";
  static final String SVG = "John: </p><svg onload=window.__xss=3> good\u0085line";
  static final String FLIP = "good <iframe src=javascript:window.__xss=4></iframe> & no name";
  static final List<String> TEXTS = List.of(SCRIPT, IMAGE, SVG, FLIP);

  private static final String MODEL = """
      import json, sys
      biased = "biased" in sys.argv
      for line in sys.stdin:
          request = json.loads(line)
          answers = []
          for example in request["examples"]:
              text = example["input"]
              good = "good" in text and (not biased or "John" in text)
              answers.append({"id": example["id"], "label": "positive" if good else "negative"})
          print(json.dumps({"id": request["id"], "predictions": answers}), flush=True)
      """;

  private ChromeDriver browser;

  @BeforeAll
  void renderTheReport(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: hostile-text
        classes: [negative, positive]
        input: { text: text }
        examples: { file: examples.jsonl }
        """);
    var json = new ObjectMapper();
    var lines = new StringBuilder();
    for (int i = 0; i < TEXTS.size(); i++) {
      lines.append(json.writeValueAsString(Map.of("id", "t" + (i + 1), "text", TEXTS.get(i), "label", "positive"))).append('\n');
    }
    Files.writeString(directory.resolve("examples.jsonl"), lines);
    Files.writeString(directory.resolve("model.py"), MODEL);
    Files.writeString(directory.resolve("suite.yaml"), """
        name: hostile-text
        goldenSet: .
        deployed: { type: subprocess, name: fair, command: [python3, model.py] }
        candidates:
          biased: { type: subprocess, name: biased, command: [python3, model.py, biased] }
        perturbations:
          generate:
            - { name: name-swap, change: { kind: name-swap }, expect: inv }
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 0 }
            - { rule: max-robustness-drop, perturbations: ["*"], max: 0 }
        """);
    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(),
        "--quiet", "--no-cache");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    browser = Browser.start();
    browser.get(directory.resolve("out/report.html").toUri().toString());
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void noScriptFromTheTextsRuns() {
    browser.findElements(By.cssSelector(".card, .card span, td")).forEach(element ->
        browser.executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));", element));

    assertThat(browser.executeScript("return window.__xss === undefined;")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("body script"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("iframe, svg[onload], [onerror], [onload]"))).isEmpty();
  }

  @Test
  void theFlipShowsItsSentenceWithBothAnswers() {
    WebElement card = browser.findElements(By.cssSelector(".card.negative")).stream().findFirst().orElseThrow();

    assertThat(card.findElement(By.cssSelector("p.text")).getText()).isEqualTo(FLIP);
    assertThat(card.findElement(By.cssSelector(".answers")).getText()).contains("deployed positive", "candidate negative");
  }

  @Test
  void eachFailureShowsItsSourceAndHighlightsOnlyTheSwappedName() {
    List<WebElement> cards = browser.findElements(By.cssSelector(".card.adversarial"));
    assertThat(cards).hasSize(3);
    for (WebElement card : cards) {
      String source = (String) browser.executeScript("return arguments[0].textContent;",
          card.findElement(By.cssSelector("p.text.source span")));
      WebElement perturbed = card.findElement(By.cssSelector("p.text.perturbed"));
      List<WebElement> changed = perturbed.findElements(By.cssSelector(".changed"));
      String shown = String.join("", perturbed.findElements(By.cssSelector("span")).stream()
          .map(span -> (String) browser.executeScript("return arguments[0].textContent;", span)).toList());

      assertThat(TEXTS).contains(source);
      assertThat(changed).hasSize(1);
      String name = changed.get(0).getText();
      assertThat(name).isNotEqualTo("John").matches("[A-Z][a-z]+");
      assertThat(shown).isEqualTo(source.replace("John", name));
    }
  }

  @Test
  void everyPayloadAppearsAsLiteralText() {
    String text = (String) browser.executeScript("return document.body.textContent;");

    TEXTS.forEach(payload -> assertThat(text).contains(payload));
  }
}
