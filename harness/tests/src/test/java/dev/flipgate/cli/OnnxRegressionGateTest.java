package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression task end to end through ONNX models with a {@code value} output: two linear
 * models, y = 2·x0 − x1 + 0.5 (deployed) and y = 2.1·x0 − 0.9·x1 + 0.3 (candidate).
 */
class OnnxRegressionGateTest {
  private static final double[][] X = {{1, 2}, {3, 1}, {0, 0}, {2, 5}, {10, 1}};
  private static final double[] TARGET = {0.4, 5.6, 0.6, -0.4, 19.0};

  @Test
  void gatesOnAbsoluteErrorsGrowingBeyondTheTolerance(@TempDir Path directory) throws IOException {
    Files.copy(RepositoryPaths.testResource("models/linear-regression-a.onnx"), directory.resolve("a.onnx"));
    Files.copy(RepositoryPaths.testResource("models/linear-regression-b.onnx"), directory.resolve("b.onnx"));
    var rows = new StringBuilder("id,label,x0,x1\n");
    for (int i = 0; i < X.length; i++) {
      rows.append("r").append(i).append(',').append(TARGET[i]).append(',').append(X[i][0]).append(',').append(X[i][1]).append('\n');
    }
    Files.writeString(directory.resolve("examples.csv"), rows);
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: linear
        task: regression
        tolerance: 0.5
        input: { columns: { names: [x0, x1] } }
        examples: { file: examples.csv }
        """);
    Files.writeString(directory.resolve("suite.yaml"), """
        name: linear
        goldenSet: .
        deployed: { type: onnx, name: a, file: a.onnx, input: { name: x }, output: { name: y, kind: value } }
        candidates:
          b: { type: onnx, name: b, file: b.onnx, input: { name: x }, output: { name: y, kind: value } }
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: [all], max: 0 }
            - { rule: max-metric-drop, metric: meanAbsoluteError, slices: [all], max: 10 }
        """);

    CliRun run = CliRun.of("gate", directory.resolve("suite.yaml").toString(), "--out", directory.resolve("out").toString(), "--quiet");
    JsonNode all = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile()).path("slices").get(0);

    double deployedMae = 0;
    double candidateMae = 0;
    int regressions = 0;
    for (int i = 0; i < X.length; i++) {
      double deployedError = Math.abs(2 * X[i][0] - X[i][1] + 0.5 - TARGET[i]);
      double candidateError = Math.abs(2.1 * X[i][0] - 0.9 * X[i][1] + 0.3 - TARGET[i]);
      deployedMae += deployedError / X.length;
      candidateMae += candidateError / X.length;
      regressions += candidateError > deployedError + 0.5 ? 1 : 0;
    }
    assertThat(all.path("deployed").path("meanAbsoluteError").asDouble()).isCloseTo(deployedMae, within(1e-5));
    assertThat(all.path("candidate").path("meanAbsoluteError").asDouble()).isCloseTo(candidateMae, within(1e-5));
    assertThat(all.path("negativeFlips").asInt()).isEqualTo(regressions).isPositive();
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("meanAbsoluteError");
  }
}
