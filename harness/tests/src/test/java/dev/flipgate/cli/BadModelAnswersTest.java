package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Models that answer something other than what they were asked, or other than what the suite
 * declares they answer: model failures naming the example or batch (exit 3), never answers taken
 * on trust. Subprocess models are a real Python process misbehaving after its first batch; ONNX
 * models are the real mnist-8 declared with the wrong output kind.
 */
class BadModelAnswersTest extends FailedClosedCorpus {

  @Nested
  class ASubprocessModel {
    private CliRun gateWith(String misbehaviour) throws IOException {
      Files.createDirectories(directory);
      Files.copy(RepositoryPaths.testResource("subprocess/threshold_model.py"), directory.resolve("threshold_model.py"));
      return gateWithSuite("new: { type: predictions, name: new, file: candidate.csv }",
          "new: { type: subprocess, name: threshold, command: [python3, threshold_model.py, " + misbehaviour + ", 1],"
              + " batchSize: 2, timeoutMs: 5000 }");
    }

    @Test
    void answeringAClassThatDoesNotExist() throws IOException {
      assertThat(gateWith("wolf").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'threshold'", "answered a label that is not a class", "'wolf' for example e3",
          "a label among the classes [cat, dog]");
    }

    @Test
    void answeringScoresOutsideZeroAndOne() throws IOException {
      assertThat(gateWith("unnormalized").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'threshold'", "scores that are not probabilities", "example e3", "outside [0, 1]");
    }

    @Test
    void answeringAScoreForAClassThatDoesNotExist() throws IOException {
      assertThat(gateWith("extra-class").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'threshold'", "scores for unknown classes", "fox");
    }

    @Test
    void writingAKeyTwice() throws IOException {
      assertThat(gateWith("twice").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'threshold'", "answered something else", "examples e3");
    }

    @Test
    void answeringUnderAnotherExamplesId() throws IOException {
      assertThat(gateWith("swapped").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'threshold'", "answered another example", "\"id\": \"e3\"");
    }
  }

  @Nested
  class AnOnnxModelWhoseDeclaredOutputKindContradictsItsValues {
    private CliRun gateWithMnist(String kind) throws IOException {
      Path golden = Files.createDirectories(directory);
      Files.copy(RepositoryPaths.mnistModel("mnist-8.onnx"), golden.resolve("mnist-8.onnx"));
      var mini = new dev.flipgate.testing.MiniMnist(4);
      mini.candidates = """
          candidates:
            declared:
              type: onnx
              name: mnist-8-declared
              file: mnist-8.onnx
              input: { name: Input3, shape: [1, 1, 28, 28], layout: NCHW }
              output: { name: Plus214_Output_0, kind: %s }
              batchSize: 1
          """.formatted(kind);
      Path suite = mini.writeTo(golden);
      run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
      return run;
    }

    @Test
    void logitsDeclaredAsProbabilities() throws IOException {
      assertThat(gateWithMnist("probabilities").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'mnist-8-declared'", "example t10k-00000",
          "the declared output kind contradicts the values", "probabilities, as output.kind declares");
    }

    @Test
    void logitsDeclaredAsLogProbabilities() throws IOException {
      assertThat(gateWithMnist("log-probabilities").exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("model 'mnist-8-declared'", "example t10k-00000",
          "the declared output kind contradicts the values");
    }
  }
}
