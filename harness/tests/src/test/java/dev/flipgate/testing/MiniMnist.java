package dev.flipgate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A small golden set of the first {@code n} real MNIST test images, with two of the repository's real
 * MNIST models copied beside it: for tests that need real images and real models
 * but not 11,500 of them. {@code deployed} and {@code candidates} are YAML a test sets.
 */
public final class MiniMnist {
  public String deployed = """
      deployed:
        type: onnx
        name: mnist-8
        file: models/mnist-8.onnx
        input: { name: Input3, shape: [1, 1, 28, 28], layout: NCHW }
        output: { name: Plus214_Output_0, kind: logits }
        batchSize: 1
      """;
  public String candidates = """
      candidates:
        same:
          type: onnx
          name: mnist-8-again
          file: models/mnist-8.onnx
          input: { name: Input3, shape: [1, 1, 28, 28], layout: NCHW }
          output: { name: Plus214_Output_0, kind: logits }
          batchSize: 1
        cnn:
          type: onnx
          name: tribuo-pytorch-cnn
          file: models/tribuo-pytorch_cnn_mnist.onnx
          input: { name: input_image, shape: [-1, 1, 28, 28], layout: NCHW }
          output: { name: output_probs, kind: log-probabilities }
          batchSize: 16
      defaultCandidate: same
      """;
  public String policy = """
      policy:
        rules:
          - { rule: max-negative-flip-rate, slices: [all], max: 0.5 }
      """;
  /** Top-level YAML after the policy, e.g. {@code latency: { samples: 0 }}. */
  public String extra = "";
  private final int size;

  public MiniMnist(int size) {
    this.size = size;
  }

  /** The ids of the examples, in order. */
  public List<String> ids() {
    return rows().stream().skip(1).map(row -> row.substring(0, row.indexOf(','))).toList();
  }

  /** Writes the golden set and its suite into {@code directory}; returns the suite file. */
  public Path writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Path models = Files.createDirectories(directory.resolve("models"));
      for (String model : List.of("mnist-8.onnx", "tribuo-pytorch_cnn_mnist.onnx")) {
        if (!Files.exists(models.resolve(model))) {
          Files.copy(RepositoryPaths.mnistModel(model), models.resolve(model));
        }
      }
      Files.write(directory.resolve("examples.csv"), rows(), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve("manifest.yaml"), """
          name: mini-mnist
          version: "1"
          classes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
          input: { columns: { prefix: px, count: 784 }, shape: [28, 28, 1], layout: HWC }
          examples: { file: examples.csv, idColumn: id, labelColumn: label, metadata: [ink, offset], tagsColumn: tags }
          """);
      Path suite = directory.resolve("suite.yaml");
      Files.writeString(suite, "name: mini-mnist\ngoldenSet: .\nseed: 7\n" + deployed + candidates + policy + extra);
      return suite;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> rows() {
    Path examples = RepositoryPaths.mnistSuite().getParent().resolve("examples.csv.gz");
    try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(examples)),
        StandardCharsets.UTF_8))) {
      List<String> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null && rows.size() <= size; line = reader.readLine()) {
        rows.add(line);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
