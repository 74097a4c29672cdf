package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A run whose outputs cannot all be written leaves no verdict behind: its reports are staged and
 * moved into place, result.json last, only when every output succeeded; and an earlier run's
 * result.json in the same --out is removed as soon as a new run starts.
 */
class FailedOutputsTest extends FailedClosedCorpus {

  @Test
  void aJunitXmlDirectoryThatCannotBeWrittenLeavesNoResultJson() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("plain-file"), "not a directory");

    assertThat(gate("--junit-xml", directory.resolve("plain-file/junit").toString()).exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("plain-file/junit", "cannot write the reports", "Not a directory");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void allureResultsThatCannotBeWrittenLeaveNoReportsStagedOrInPlace() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("plain-file"), "not a directory");

    assertThat(gate("--allure-results", directory.resolve("plain-file/allure").toString()).exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("plain-file/allure");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
    assertThat(directory.resolve("out/report.html")).doesNotExist();
    try (var staging = Files.list(directory.resolve("out"))) {
      assertThat(staging).as("the staged reports are removed").isEmpty();
    }
  }

  @Test
  void anEarlierPromoteInTheSameOutIsRemovedWhenTheNextRunFails() throws IOException {
    assertThat(gate().exitCode()).as("the first run promotes").isZero();
    assertThat(Files.readString(directory.resolve("out/result.json"))).contains("PROMOTE");
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3\n", "");

    assertThat(gate().exitCode()).isEqualTo(3);
    assertThat(directory.resolve("out/result.json")).as("no verdict of the earlier run is left to be read").doesNotExist();
  }

  @Test
  void anEarlierPromoteIsRemovedEvenWhenTheNextRunsSuiteIsInvalid() throws IOException {
    assertThat(gate().exitCode()).isZero();
    tiny.policy = "policy:\n  rules: []\n";

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void anOutDirectoryThatIsAFile() throws IOException {
    Path suite = tiny.writeTo(directory);
    Files.writeString(directory.resolve("out"), "a file");
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("out", "--out: a directory", "found:    a file");
  }

  @Test
  void aCacheDirectoryThatIsAFile() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("cache"), "a file");

    assertThat(gate("--cache-dir", directory.resolve("cache").toString()).exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cache", "--cache-dir: a directory", "found:    a file");
  }

  @Test
  void aCacheDirectoryInsideAFile() throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("cache"), "a file");
    tiny.candidateFile = "candidate.csv";

    assertThat(gateWithServedLikeModel().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cache/inner", "cannot open the prediction cache", "--no-cache");
  }

  /** A cached model (a subprocess) so that the cache is opened; the tiny suite's predictions files are never cached. */
  private CliRun gateWithServedLikeModel() throws IOException {
    Files.copy(dev.flipgate.testing.RepositoryPaths.testResource("subprocess/threshold_model.py"),
        directory.resolve("threshold_model.py"));
    Path suite = tiny.writeTo(directory);
    Files.writeString(suite, Files.readString(suite).replace("new: { type: predictions, name: new, file: candidate.csv }",
        "new: { type: subprocess, name: threshold, command: [python3, threshold_model.py], batchSize: 2 }"));
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet",
        "--cache-dir", directory.resolve("cache/inner").toString());
    return run;
  }
}
