package dev.flipgate.model.subprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate as a real Python process speaking JSON lines, on the tiny golden set (5 examples
 * in batches of 2): it answers as the deployed model does, or crashes or hangs after its first
 * batch. A crash or a hang ends the run with exit 3 naming the examples and showing stderr.
 */
class SubprocessAdapterTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  private CliRun gateWith(String arguments) throws IOException {
    Path suite = tiny.writeTo(directory);
    Files.copy(RepositoryPaths.testResource("subprocess/threshold_model.py"), directory.resolve("threshold_model.py"));
    Files.writeString(suite, Files.readString(suite).replace("new: { type: predictions, name: new, file: candidate.csv }",
        "new: { type: subprocess, name: threshold, command: [python3, threshold_model.py" + arguments + "],"
            + " batchSize: 2, timeoutMs: 1000 }"));
    return CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
  }

  @Test
  void aProcessThatAnswersLikeTheDeployedModelIsPromoted() throws IOException {
    CliRun run = gateWith("");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String result = Files.readString(directory.resolve("out/result.json"));
    assertThat(result).contains("\"kind\" : \"subprocess\"", "\"file\" : \"python3 threshold_model.py\"");
    assertThat(Files.readString(directory.resolve("out/stderr-candidate.log"))).isEqualTo("threshold model loaded");
  }

  @Test
  void aProcessThatCrashesMidRunFailsClosedNamingTheExamplesAndItsStderr() throws IOException {
    CliRun run = gateWith(", crash, 1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("the model's process ended", "examples e3, e4", "exited with code 3",
        "Traceback: model weights are corrupt after 1 batches");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void aProcessThatHangsIsKilledAndFailsClosed() throws IOException {
    CliRun run = gateWith(", hang, 1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("did not answer", "examples e3, e4", "within 1000 ms", "it was killed",
        "waiting for a lock that never comes");
    assertThat(directory.resolve("out/result.json")).doesNotExist();
  }

  @Test
  void aCommandThatDoesNotStartIsAConfigurationError() throws IOException {
    Path suite = tiny.writeTo(directory);
    Files.writeString(suite, Files.readString(suite).replace("new: { type: predictions, name: new, file: candidate.csv }",
        "new: { type: subprocess, name: missing, command: [no-such-program-flipgate] }"));

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot start the model's process", "no-such-program-flipgate");
  }
}
