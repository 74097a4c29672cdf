package dev.flipgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuous loop on the bundled MNIST golden set and real models, by the CLI, as CI runs it:
 * three successive candidates are gated and promoted, each promoted candidate becoming the next
 * deployed model (its recording). 1: the int8 model against mnist-8. 2: a candidate made from
 * int8 — its answers, patched back to mnist-8's on the examples int8 flipped. 3: the cnn, which the
 * policy blocks; a waiver that expired blocks it still, waivers in force let it through. The ledger
 * holds every run, {@code history} shows the promotion line, and the third report shows the trend
 * and the examples that flipped in two or more versions. Each database runs it in a subclass.
 *
 * <p>Nothing here compares a model's numbers with figures computed elsewhere (int8 kernels differ
 * by CPU): the assertions follow what this machine's runs wrote.
 */
abstract class ContinuousMnistScenario {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MNIST = RepositoryPaths.root().resolve("golden-sets/mnist");

  @TempDir Path directory;

  /** The ledger as {@code --ledger} takes it. */
  abstract String ledger();

  private Path suite() {
    return directory.resolve("suite.yaml");
  }

  /** The bundled MNIST suite's policy (latency off: this scenario is about history, not speed). */
  private void writeSuite(String deployed, String candidate) throws IOException {
    String bundled = Files.readString(MNIST.resolve("suite.yaml"));
    String rules = bundled.substring(bundled.indexOf("  rules:"), bundled.indexOf("    - rule: max-latency"));
    Files.writeString(suite(), """
        name: mnist-continuous
        goldenSet: %s
        seed: 20261127
        evidence: { level: 0.95, resamples: 200, power: 0.8 }
        latency: { samples: 0 }
        deployed: %s
        candidates:
          next: %s
        policy:
        %s""".formatted(MNIST, deployed, candidate, rules));
  }

  private static String onnx(String name, String file, String input, String output, String kind, int batch) {
    String shape = batch == 1 ? "[1, 1, 28, 28]" : "[-1, 1, 28, 28]";
    return "{ type: onnx, name: %s, file: %s, input: { name: %s, shape: %s, layout: NCHW, scale: 1.0 }, output: { name: %s, kind: %s }, batchSize: %d }"
        .formatted(name, MNIST.resolve("models/" + file), input, shape, output, kind, batch);
  }

  private static final String MNIST_8 = onnx("mnist-8", "mnist-8.onnx", "Input3", "Plus214_Output_0", "logits", 1);
  private static final String INT8 = onnx("mnist-8-int8", "mnist-8-int8-qdq.derived.onnx", "Input3", "Plus214_Output_0",
      "logits", 1);
  private static final String CNN = onnx("tribuo-pytorch-cnn", "tribuo-pytorch_cnn_mnist.onnx", "input_image",
      "output_probs", "log-probabilities", 64);

  private JsonNode gate(String out, int expectedExit) throws IOException {
    CliRun run = CliRun.of("gate", suite().toString(), "--out", directory.resolve(out).toString(), "--quiet",
        "--ledger", ledger());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(expectedExit);
    return JSON.readTree(directory.resolve(out + "/result.json").toFile());
  }

  private void promote(JsonNode result) {
    CliRun run = CliRun.of("promote", result.at("/provenance/runId").asText(), "--ledger", ledger(), "--quiet");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static String recorded(String name) {
    return "{ type: recorded, name: %s, file: recordings/%s.recording.jsonl }".formatted(name, name);
  }

  private static Set<String> flipIds(JsonNode result) {
    Set<String> ids = new HashSet<>();
    result.path("flips").forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }

  @Test
  void threeCandidatesGatedAndPromotedInTurnLeaveTheirTrendInTheLedgerAndTheReport() throws IOException {
    // 1: int8 against mnist-8.
    writeSuite(MNIST_8, INT8);
    JsonNode first = gate("first", 0);
    promote(first);
    Set<String> firstFlips = flipIds(first);
    assertThat(firstFlips).as("int8 answers some examples otherwise than mnist-8").isNotEmpty();

    // 2: int8's answers, patched back to mnist-8's where int8 flipped (recorded from mnist-8 itself).
    CliRun record = CliRun.of("record", suite().toString(), "--quiet", "--out",
        directory.resolve("recordings/mnist-8.recording.jsonl").toString());
    assertThat(record.exitCode()).as(record.toString()).isZero();
    writePatched(firstFlips);
    writeSuite(recorded("mnist-8-int8"), "{ type: predictions, name: int8-patched, file: int8-patched.jsonl }");
    JsonNode second = gate("second", 0);
    assertThat(flipIds(second)).as("the patch undoes int8's flips").isEqualTo(firstFlips);
    promote(second);

    // 3: the cnn. Blocked; a waiver that expired does not help; waivers in force let it through.
    writeSuite(recorded("int8-patched"), CNN);
    JsonNode blocked = gate("third-blocked", 1);
    assertThat(blocked.path("reasons")).isNotEmpty();
    writeWaivers(blocked, "2026-01-31");
    JsonNode expired = gate("third-expired", 1);
    assertThat(expired.path("reasons")).hasSameSizeAs(blocked.path("reasons"))
        .allSatisfy(r -> assertThat(r.at("/waivers/0/note").asText()).contains("expired on 2026-01-31"));
    writeWaivers(blocked, LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
    JsonNode third = gate("third", 0);
    assertThat(third.path("reasons")).isEmpty();
    assertThat(third.path("waived")).hasSameSizeAs(blocked.path("reasons"));

    // The third report: the line of versions, each slice's accuracy across them, and the churn.
    JsonNode trend = third.path("trend");
    assertThat(trend.path("versions")).extracting(v -> v.path("model").asText() + "/" + v.path("role").asText())
        .containsExactly("mnist-8/deployed", "mnist-8-int8/promoted", "int8-patched/promoted", "tribuo-pytorch-cnn/candidate");
    assertThat(trend.path("slices")).hasSameSizeAs(third.path("slices"));
    JsonNode all = trend.at("/slices/0/values");
    assertThat(all.get(0).asDouble()).isEqualTo(first.at("/slices/0/deployed/accuracy").asDouble());
    assertThat(all.get(1).asDouble()).isEqualTo(first.at("/slices/0/candidate/accuracy").asDouble());
    assertThat(all.get(2).asDouble()).isEqualTo(second.at("/slices/0/candidate/accuracy").asDouble());
    assertThat(all.get(3).asDouble()).isEqualTo(third.at("/slices/0/candidate/accuracy").asDouble());
    Map<String, JsonNode> churn = new LinkedHashMap<>();
    trend.path("churn").forEach(c -> churn.put(c.path("id").asText(), c));
    assertThat(churn).as("every example int8 flipped flipped back in the patch").containsKeys(firstFlips.toArray(String[]::new));
    for (String id : firstFlips) {
      List<String> kinds = new ArrayList<>();
      churn.get(id).path("kinds").forEach(k -> kinds.add(k.isNull() ? null : k.asText()));
      assertThat(kinds.get(1)).isNotNull();
      assertThat(kinds.get(2)).isNotNull().isNotEqualTo(kinds.get(1)); // the patch undoes the flip: the other way
    }
    trendInTheBrowser(directory.resolve("third/report.html"), third, firstFlips);
    promote(third);

    // The ledger holds every run, and history shows them and the line of promotions.
    var runs = Ledger.open(LedgerLocation.of(ledger())).runs("mnist-continuous");
    assertThat(runs).extracting(Ledger.RunSummary::runId).containsExactly(
        StreamSupport.stream(List.of(first, second, blocked, expired, third).spliterator(), false)
            .map(r -> r.at("/provenance/runId").asText()).toArray(String[]::new));
    assertThat(runs).extracting(Ledger.RunSummary::promoted).containsExactly(true, true, false, false, true);
    CliRun history = CliRun.of("history", "mnist-continuous", "--ledger", ledger());
    assertThat(history.exitCode()).as(history.toString()).isZero();
    assertThat(history.out()).contains("promotion line", "mnist-8-int8", "int8-patched", "tribuo-pytorch-cnn", "digit-6", "NFR")
        .contains("+" + blocked.path("reasons").size() + " waived");
  }

  /** The third report in a real Chromium: the trend table, a sparkline per slice, the churned examples as images. */
  private static void trendInTheBrowser(Path report, JsonNode result, Set<String> churned) {
    var browser = dev.flipgate.testing.Browser.start();
    try {
      browser.get(report.toUri().toString());
      assertThat(browser.manage().logs().get("browser").getAll())
          .filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).isEmpty();
      var rows = browser.findElements(org.openqa.selenium.By.cssSelector("#trend-table tbody tr"));
      assertThat(rows).hasSameSizeAs(result.path("slices"));
      assertThat(rows.get(0).getText()).startsWith("all");
      assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("#trend-table svg.spark polyline")))
          .hasSameSizeAs(result.path("slices"));
      var cards = browser.findElements(org.openqa.selenium.By.cssSelector("#churn .card"));
      assertThat(cards).hasSameSizeAs(result.at("/trend/churn"));
      assertThat(browser.findElement(org.openqa.selenium.By.id("churn")).getText()).contains(churned);
      assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("#churn .card img"))).hasSameSizeAs(cards);
    } finally {
      browser.quit();
    }
  }

  /** int8's recorded answers, with mnist-8's recorded answer line on each example int8 flipped. */
  private void writePatched(Set<String> flipped) throws IOException {
    Map<String, String> mnist8 = answers(directory.resolve("recordings/mnist-8.recording.jsonl"));
    List<String> lines = new ArrayList<>();
    answers(directory.resolve("recordings/mnist-8-int8.recording.jsonl"))
        .forEach((id, line) -> lines.add(flipped.contains(id) ? mnist8.get(id) : line));
    Files.write(directory.resolve("int8-patched.jsonl"), lines);
  }

  /** A recording's answer lines by example id (its first line is who answered). */
  private static Map<String, String> answers(Path recording) throws IOException {
    Map<String, String> byId = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(recording);
    for (String line : lines.subList(1, lines.size())) {
      byId.put(JSON.readTree(line).path("id").asText(), line);
    }
    return byId;
  }

  /** One waiver per reason of {@code blocked}: by rule and slice or perturbation, or by the critical example's id. */
  private void writeWaivers(JsonNode blocked, String expires) throws IOException {
    var text = new StringBuilder("waivers:\n");
    for (JsonNode reason : blocked.path("reasons")) {
      String scope = reason.hasNonNull("slice") ? "rule: " + reason.path("rule").asText() + "\n    slice: " + reason.path("slice").asText()
          : reason.hasNonNull("perturbation") ? "rule: " + reason.path("rule").asText() + "\n    perturbation: "
              + reason.path("perturbation").asText()
          : "examples: [" + reason.path("example").asText() + "]";
      text.append("  - ").append(scope).append("\n    owner: ml-lead@example.com\n    reason: the cnn is accepted while")
          .append(" sixes are relabelled\n    ticket: https://tracker.example.com/ML-142\n    expires: ").append(expires)
          .append('\n');
    }
    Files.writeString(directory.resolve("waivers.yaml"), text.toString());
  }
}
