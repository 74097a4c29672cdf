package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.MnistRun;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @Test
  void reRendersTheSameReportAndSummaryFromASavedResult(@TempDir Path copy) throws IOException {
    Path run = MnistRun.cnnDirectory();
    Files.copy(run.resolve("result.json"), copy.resolve("result.json"));

    CliRun report = CliRun.of("report", copy.toString(), "--suite", RepositoryPaths.mnistSuite().toString());

    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(Files.readString(copy.resolve("report.html"))).isEqualTo(Files.readString(run.resolve("report.html")));
    assertThat(Files.readString(copy.resolve("summary.md"))).isEqualTo(Files.readString(run.resolve("summary.md")));
  }

  /** The MNIST suite generates perturbations: the golden set alone does not hold those examples. */
  @Test
  void refusesTheGoldenSetAloneWhenTheSuiteGeneratedExamples(@TempDir Path copy) throws IOException {
    Files.copy(MnistRun.cnnDirectory().resolve("result.json"), copy.resolve("result.json"));

    CliRun report = CliRun.of("report", copy.toString(), "--golden-set", RepositoryPaths.root().resolve("golden-sets/mnist").toString());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("the run's suite generated it", "pass --suite");
    assertThat(copy.resolve("report.html")).doesNotExist();
  }

  @Test
  void refusesAGoldenSetThatChangedSinceTheRun(@TempDir Path directory) throws IOException {
    var tiny = new TinyGoldenSet();
    Path suite = tiny.writeTo(directory.resolve("set"));
    assertThat(CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet").exitCode()).isZero();
    tiny.examples = tiny.examples.replace("0.8,0.9", "0.8,0.95");
    tiny.writeTo(directory.resolve("set"));

    CliRun report = CliRun.of("report", directory.resolve("out").toString(), "--golden-set", directory.resolve("set").toString());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("the golden set changed since the run", "sha256");
  }

  @Test
  void withoutTheGoldenSetRefusesRatherThanDropTheExamplesFromTheReport(@TempDir Path directory) throws IOException {
    Path suite = new TinyGoldenSet().writeTo(directory.resolve("set"));
    CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    String before = Files.readString(directory.resolve("out/report.html"));

    CliRun report = CliRun.of("report", directory.resolve("out").toString());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("the report would lose its examples", "--golden-set DIR", "--without-examples");
    assertThat(directory.resolve("out/report.html")).content().isEqualTo(before);
  }

  @Test
  void rendersWithIdsOnlyWhenAskedToGoWithoutTheExamples(@TempDir Path directory) throws IOException {
    Path suite = new TinyGoldenSet().writeTo(directory.resolve("set"));
    CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    Files.delete(directory.resolve("out/report.html"));

    CliRun report = CliRun.of("report", directory.resolve("out").toString(), "--without-examples");

    assertThat(report.exitCode()).isZero();
    assertThat(directory.resolve("out/report.html")).content().contains("PROMOTE");
  }
}
