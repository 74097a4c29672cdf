package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden set gated only from predictions files needs no model input: its manifest declares
 * none and its examples file has no input columns to invent. A model that must be asked for
 * answers is refused on such a golden set before anything runs.
 */
class PredictionsOnlyGoldenSetTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  @BeforeEach
  void dropTheInput() {
    tiny.manifest = tiny.manifest.replace("input: { columns: { names: [f0, f1] }, shape: [2] }\n", "");
    tiny.examples = tiny.examples.replaceAll(",[0-9.]+,[0-9.]+\n", "\n").replace(",f0,f1\n", "\n");
    tiny.adversarial = tiny.adversarial.replace(",f0,f1\n", "\n").replace(",0.15,0.2\n", "\n");
    assertThat(tiny.manifest).doesNotContain("input");
    assertThat(tiny.examples).startsWith("id,label,group,tags\ne1,cat,a,\n");
  }

  @Test
  void isGatedAndReportedWithItsExamplesMetadata() throws IOException {
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    Path suite = tiny.writeTo(directory);

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(Files.readString(directory.resolve("out/result.json"))).contains("\"verdict\" : \"BLOCK\"", "\"e2\"");
    // The flipped example e2 is shown by what the golden set knows of it: its metadata (group a).
    assertThat(Files.readString(directory.resolve("out/report.html")))
        .containsPattern("<table class=\"features\">\\s*<tr><td>group</td><td>a</td></tr>");
  }

  @Test
  void refusesAModelThatMustBeAskedForAnswers() throws IOException {
    Path suite = tiny.writeTo(directory);
    Files.writeString(suite, Files.readString(suite).replace("new: { type: predictions, name: new, file: candidate.csv }",
        "new: { type: subprocess, name: asked, command: [python3, model.py] }"));

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("suite.yaml", "model 'asked'", "the model has no input to be asked about",
        "declare input: { columns: …, shape: … } in the manifest");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }
}
