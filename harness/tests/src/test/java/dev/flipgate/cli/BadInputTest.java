package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input stops the gate with a clear error — the file, the line or example id,
 * what was expected — and exit code 2 (configuration) or 3 (a model failed). None writes a
 * result, so none can be read as a PROMOTE.
 */
class BadInputTest extends FailedClosedCorpus {

  @Test
  void theTinyGoldenSetItselfIsFine(@TempDir Path elsewhere) throws IOException {
    // The baseline the other tests break one thing of; run outside the corpus's directory.
    Path suite = new TinyGoldenSet().writeTo(elsewhere);
    CliRun good = CliRun.of("gate", suite.toString(), "--out", elsewhere.resolve("out").toString(), "--quiet");
    assertThat(good.exitCode()).as(good.toString()).isZero();
    assertThat(Files.readString(elsewhere.resolve("out/result.json"))).contains("\"verdict\" : \"PROMOTE\"");
    run = new CliRun(2, "", "error: (baseline)"); // satisfies failedClosed for this baseline test
  }

  @Nested
  class InTheGoldenSet {
    @Test
    void aRowWithTheWrongNumberOfColumns() {
      tiny.examples = tiny.examples.replace("e3,cat,b,hard,0.2,0.1", "e3,cat,b,hard,0.2");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 4", "wrong number of columns", "expected: 6 columns", "found:    5 columns");
    }

    @Test
    void aNonNumericInputValue() {
      tiny.examples = tiny.examples.replace("e2,dog,a,hard,0.9,0.8", "e2,dog,a,hard,0.9,bright");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 3, example e2", "non-numeric model input", "'f1'", "'bright'");
    }

    @Test
    void aMissingLabel() {
      tiny.examples = tiny.examples.replace("e4,dog,b", "e4,,b");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 5, example e4", "missing label");
    }

    @Test
    void aLabelThatIsNotADeclaredClass() {
      tiny.examples = tiny.examples.replace("e4,dog,b", "e4,wolf,b");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("example e4", "'wolf'", "[cat, dog]");
    }

    @Test
    void duplicateExampleIds() {
      tiny.examples = tiny.examples.replace("e4,dog,b", "e2,dog,b");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("examples.csv, line 5, example e2", "duplicate example id", "the same id on line 3");
    }

    @Test
    void anAdversarialRowWhoseSourceDoesNotExist() {
      tiny.adversarial = tiny.adversarial.replace("e1~nudge,e1,", "e1~nudge,e9,");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("adversarial.csv, line 2, example e1~nudge", "source does not exist", "'e9'");
    }

    @Test
    void aCriticalIdThatIsNotAnExample() {
      tiny.manifest = tiny.manifest.replace("critical: { ids: [e1] }", "critical: { ids: [e1, e42] }");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "unknown critical example", "'e42'");
    }

    @Test
    void aMisspelledManifestKey() {
      tiny.manifest = tiny.manifest.replace("classes:", "clases:");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml, line 3", "unknown key", "'clases'");
    }
  }

  @Nested
  class InAPredictionsFile {
    @Test
    void missingPredictions() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3\n", "");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv", "missing predictions", "1 missing: e3");
    }

    @Test
    void predictionsForUnknownExamples() {
      tiny.candidatePredictions = tiny.deployedPredictions + "e77,cat,0.5,0.5\n";

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 7, example e77", "predictions for unknown examples");
    }

    @Test
    void aLabelOutsideTheClasses() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e4,dog,", "e4,fox,");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 5, example e4", "predicted label is not a class", "'fox'");
    }

    @Test
    void aNaNScore() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,dog,NaN,0.8");

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.csv, line 3, example e2", "non-finite score", "class 'cat'");
    }

    @Test
    void aNaNScoreInJsonLines() {
      tiny.candidateFile = "candidate.jsonl";
      tiny.candidatePredictions = """
          {"id": "e1", "prediction": "cat", "scores": {"cat": 0.9, "dog": 0.1}}
          {"id": "e2", "prediction": "dog", "scores": {"cat": NaN, "dog": 0.8}}
          """;

      assertThat(gate().exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("candidate.jsonl, line 2, example e2", "non-finite score");
    }
  }

  @Nested
  class InTheSuite {
    @Test
    void aRuleNamingAnUnknownSlice() {
      tiny.policy = tiny.policy.replace("slices: [all]", "slices: [group-z]");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml", "policy.rules[0] (max-negative-flip-rate)", "unknown slice", "'group-z'");
    }

    @Test
    void aRuleNamingAnUnknownMetric() {
      tiny.policy = """
          policy:
            rules:
              - { rule: max-metric-drop, metric: auc, slices: [all], max: 0.01 }
          """;

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("policy.rules[0] (max-metric-drop)", "unknown metric", "'auc'");
    }

    @Test
    void aRuleWithoutItsThreshold() {
      tiny.policy = tiny.policy.replace(", max: 0 }", " }");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("policy.rules[0]", "invalid threshold", "found:    no max");
    }

    @Test
    void anUnknownRule() {
      tiny.policy = tiny.policy.replace("max-negative-flip-rate", "max-flips");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml, line", "max-flips", "max-negative-flip-rate");
    }

    @Test
    void aManifestPathThatLeavesTheGoldenSet() {
      tiny.manifest = tiny.manifest.replace("file: examples.csv,", "file: ../elsewhere.csv,");

      assertThat(gate().exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("manifest.yaml", "path leaves the golden set", "'../elsewhere.csv'");
    }

    @Test
    void aJunitXmlDirectoryThatIsAFile() throws IOException {
      Path suite = tiny.writeTo(directory);
      Files.writeString(directory.resolve("results.xml"), "not a directory");
      run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet",
          "--junit-xml", directory.resolve("results.xml").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("results.xml", "--junit-xml: a directory", "found:    a file");
    }

    @Test
    void anUnknownCandidate() {
      Path suite = tiny.writeTo(directory);
      run = CliRun.of("gate", suite.toString(), "--candidate", "newest", "--out", directory.resolve("out").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("unknown candidate", "'newest'", "[new]");
    }
  }

  @Nested
  class InTheModels {
    /** Declares the candidate as the real mnist-8 ONNX model, copied beside the tiny suite. */
    private CliRun gateWithOnnxCandidate(String modelFile, String inputName) throws IOException {
      Files.createDirectories(directory);
      Files.copy(RepositoryPaths.mnistModel("mnist-8.onnx"), directory.resolve("mnist-8.onnx"));
      Files.writeString(directory.resolve("not-a-model.onnx"), "<html>404 Not Found</html>");
      tiny.candidateFile = "unused.csv";
      Path suite = tiny.writeTo(directory);
      Files.writeString(suite, Files.readString(suite).replace(
          "new: { type: predictions, name: new, file: unused.csv }",
          "new: { type: onnx, name: mnist-8, file: " + modelFile + ", input: { name: " + inputName + " },"
              + " output: { name: Plus214_Output_0, kind: logits }, batchSize: 1 }"));
      run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
      return run;
    }

    @Test
    void anOnnxModelWithTheWrongInputShapeForTheGoldenSet() throws IOException {
      assertThat(gateWithOnnxCandidate("mnist-8.onnx", "Input3").exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("model 'mnist-8'", "wrong input shape", "2 values per example", "784 values per example");
    }

    @Test
    void anOnnxModelWithAWrongInputName() throws IOException {
      assertThat(gateWithOnnxCandidate("mnist-8.onnx", "pixels").exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("suite.yaml", "model 'mnist-8'", "unknown model input", "'pixels'", "[Input3]");
    }

    @Test
    void aModelFileThatIsNotOnnx() throws IOException {
      assertThat(gateWithOnnxCandidate("not-a-model.onnx", "Input3").exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("not-a-model.onnx", "not a loadable ONNX model");
    }
  }

  @Nested
  class OnTheCommandLine {
    @Test
    void noCommandSaysWhatToRun() {
      run = CliRun.of();

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing command", "flipgate gate golden-sets/mnist/suite.yaml");
    }

    @Test
    void aMissingSuiteArgumentIsAUsageError() {
      run = CliRun.of("gate");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing required parameter: 'SUITE'", "Usage: flipgate gate");
    }

    @Test
    void aSuiteFileThatDoesNotExist() {
      run = CliRun.of("gate", directory.resolve("nope.yaml").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("nope.yaml", "no such file");
    }
  }
}
