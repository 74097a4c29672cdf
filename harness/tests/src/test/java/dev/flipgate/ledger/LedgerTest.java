package dev.flipgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger records every gate run of the CLI: its verdict, its slices' metrics as result.json
 * has them and every flipped example as flips.csv.gz lists them; `history` reads them back; and
 * runs writing to one ledger at the same time all land.
 */
class LedgerTest {
  @TempDir Path directory;

  /** The tiny golden set with one negative flip (e2) and one positive flip (e3). */
  private Path suite() {
    var tiny = new TinyGoldenSet();
    tiny.deployedPredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3", "e3,dog,0.3,0.7");
    tiny.candidatePredictions = tiny.candidatePredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    return tiny.writeTo(directory.resolve("tiny"));
  }

  private String ledger() {
    return directory.resolve("ledger/runs.sqlite").toString();
  }

  @Test
  void aGateRunIsRecordedWithItsVerdictMetricsAndEveryFlip() throws IOException {
    CliRun run = CliRun.of("gate", suite().toString(), "--out", directory.resolve("out").toString(), "--quiet",
        "--ledger", ledger());
    JsonNode result = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());

    List<Ledger.RunSummary> runs = Ledger.open(LedgerLocation.of(ledger())).runs("tiny");
    assertThat(runs).as(run.toString()).hasSize(1);
    Ledger.RunSummary recorded = runs.get(0);
    assertThat(recorded.runId()).isEqualTo(result.path("provenance").path("runId").asText());
    assertThat(recorded.verdict()).isEqualTo(result.path("verdict").asText());
    assertThat(recorded.reasons()).isEqualTo(result.path("reasons").size());
    JsonNode all = result.path("slices").get(0);
    assertThat(recorded.deployedAccuracy()).isEqualTo(all.path("deployed").path("accuracy").asDouble());
    assertThat(recorded.candidateAccuracy()).isEqualTo(all.path("candidate").path("accuracy").asDouble());
    assertThat(recorded.n()).isEqualTo(all.path("n").asLong());
    assertThat(Ledger.open(LedgerLocation.of(ledger())).flips(recorded.runId()))
        .isEqualTo(flipsFile(directory.resolve("out/flips.csv.gz"))).isEqualTo(Map.of("e2", "negative", "e3", "positive"));
  }

  @Test
  void historyPrintsEveryRunOfTheSuiteOldestFirst() {
    CliRun.of("gate", suite().toString(), "--out", directory.resolve("first").toString(), "--quiet", "--ledger", ledger());
    CliRun.of("gate", suite().toString(), "--out", directory.resolve("second").toString(), "--quiet", "--ledger", ledger());

    CliRun history = CliRun.of("history", suite().toString(), "--ledger", ledger());

    assertThat(history.exitCode()).as(history.toString()).isZero();
    List<Ledger.RunSummary> runs = Ledger.open(LedgerLocation.of(ledger())).runs("tiny");
    assertThat(runs).hasSize(2);
    assertThat(history.out()).contains("2 runs of 'tiny'", runs.get(0).runId(), runs.get(1).runId());
    assertThat(history.out().indexOf(runs.get(0).runId())).isLessThan(history.out().indexOf(runs.get(1).runId()));
  }

  @Test
  void historySaysWhereTheGoldenSetVersionChanged() throws IOException {
    Path suite = suite();
    CliRun.of("gate", suite.toString(), "--out", directory.resolve("first").toString(), "--quiet", "--ledger", ledger());
    Path manifest = suite.resolveSibling("manifest.yaml");
    Files.writeString(manifest, Files.readString(manifest).replaceFirst("version: .*", "version: \"2.0.0\""));
    CliRun.of("gate", suite.toString(), "--out", directory.resolve("second").toString(), "--quiet", "--ledger", ledger());

    CliRun history = CliRun.of("history", "tiny", "--ledger", ledger());

    assertThat(history.out()).contains("golden set version 1 → 2.0.0", "not comparable");
  }

  @Test
  void historyOfASuiteWithoutRunsIsAConfigurationErrorNamingIt() {
    CliRun.of("gate", suite().toString(), "--out", directory.resolve("out").toString(), "--quiet", "--ledger", ledger());

    CliRun history = CliRun.of("history", "no-such-suite", "--ledger", ledger());

    assertThat(history.exitCode()).isEqualTo(2);
    assertThat(history.err()).contains("no-such-suite", "runs.sqlite");
  }

  /**
   * Two gate processes started together on a new ledger: both migrate it and both write their
   * run; neither is lost. Separate JVMs, as two CI jobs would be.
   */
  @Test
  void twoGatesWritingToTheSameNewLedgerAtOnceBothLand() throws Exception {
    Path suite = suite();
    List<Process> processes = new ArrayList<>();
    for (String out : List.of("one", "two")) {
      processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.flipgate.cli.FlipgateMain", "gate", suite.toString(),
          "--out", directory.resolve(out).toString(), "--quiet", "--no-cache", "--ledger", ledger())
          .redirectErrorStream(true).redirectOutput(directory.resolve(out + ".log").toFile()).start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(directory.resolve("one.log")) + Files.readString(directory.resolve("two.log")))
          .isIn(0, 1);
    }

    List<Ledger.RunSummary> runs = Ledger.open(LedgerLocation.of(ledger())).runs("tiny");
    assertThat(runs).hasSize(2);
    assertThat(runs.stream().map(Ledger.RunSummary::runId)).containsExactlyInAnyOrder(
        runId(directory.resolve("one/result.json")), runId(directory.resolve("two/result.json")));
  }

  private static String runId(Path result) throws IOException {
    return new ObjectMapper().readTree(result.toFile()).path("provenance").path("runId").asText();
  }

  /** Each flip's id and kind, as flips.csv.gz lists them (columns id, kind first). */
  private static Map<String, String> flipsFile(Path file) throws IOException {
    Map<String, String> flips = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<String> header = List.of(lines[0].split(","));
      for (int i = 1; i < lines.length; i++) {
        String[] cells = lines[i].split(",");
        flips.put(cells[header.indexOf("id")], cells[header.indexOf("kind")]);
      }
    }
    return new java.util.TreeMap<>(flips);
  }
}
