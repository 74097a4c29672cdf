package dev.flipgate.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A model as a suite declares it, by {@code type}: {@code onnx}, {@code predictions} or {@code kserve-v2}. Bound by Jackson from the suite YAML.
 *
 * <pre>
 * deployed:
 *   type: onnx
 *   name: mnist-8
 *   file: models/mnist-8.onnx
 *   input: { name: Input3, shape: [1, 1, 28, 28], layout: NCHW }
 *   output: { name: Plus214_Output_0, kind: logits }
 *   batchSize: 1
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ModelDeclaration.Onnx.class, name = "onnx"),
  @JsonSubTypes.Type(value = ModelDeclaration.PredictionsFile.class, name = "predictions"),
  @JsonSubTypes.Type(value = ModelDeclaration.KServeV2.class, name = "kserve-v2"),
  @JsonSubTypes.Type(value = ModelDeclaration.Subprocess.class, name = "subprocess"),
  @JsonSubTypes.Type(value = ModelDeclaration.Recorded.class, name = "recorded")
})
public sealed interface ModelDeclaration {

  String name();

  /** The Maven artifact whose adapter serves this model type (found through {@link ModelAdapterProvider}). */
  default String artifact() {
    return "dev.flipgate:flipgate-core";
  }

  /** Whether the answers were computed before the run and are only read (so the model needs no input). */
  default boolean answersStored() {
    return false;
  }

  /** A model file run in-process by ONNX Runtime. */
  record Onnx(String name, String file, OnnxInput input, OnnxOutput output, Integer batchSize, List<String> classes)
      implements ModelDeclaration {
    @Override
    public String artifact() {
      return "dev.flipgate:flipgate-onnx";
    }
  }

  /**
   * The input tensor: its name in the graph, its shape with the batch first ({@code -1} where
   * the model takes any size), the axis order for images, and preprocessing: either
   * {@code value * scale + offset}, or per-feature standardization {@code (value − mean) / std}
   * from a CSV file {@code feature,mean,std} whose features are the golden set's input columns.
   */
  record OnnxInput(String name, List<Long> shape, String layout, Double scale, Double offset, String standardize) {}

  /** The output tensor and what it holds: logits, probabilities, log-probabilities or label. */
  record OnnxOutput(String name, String kind) {}

  /** Predictions computed elsewhere: CSV ({@code id,prediction[,score_<class>…]}) or JSON lines. */
  record PredictionsFile(String name, String file) implements ModelDeclaration {
    @Override
    public boolean answersStored() {
      return true;
    }
  }

  /**
   * A model behind an Open Inference Protocol (KServe v2) endpoint — KServe, Triton, Seldon
   * MLServer, TorchServe. {@code input} and {@code output} are read as for ONNX (the tensor's
   * name, shape with the batch first, layout, preprocessing; the output's name and kind).
   * {@code headersFromEnv} maps a header to the environment variable holding its value, so
   * credentials never sit in the suite, a log or a report.
   *
   * <pre>
   * deployed:
   *   type: kserve-v2
   *   name: mnist-8
   *   url: http://127.0.0.1:8080
   *   model: mnist
   *   input: { name: Input3, shape: [-1, 1, 28, 28], layout: NCHW }
   *   output: { name: Plus214_Output_0, kind: logits }
   *   batchSize: 32          # examples per request
   *   concurrency: 8         # requests in flight
   *   headersFromEnv: { Authorization: MODEL_TOKEN }
   * </pre>
   */
  record KServeV2(String name, String url, String model, String version, OnnxInput input, OnnxOutput output,
      Integer batchSize, Integer concurrency, Integer connectTimeoutMs, Integer readTimeoutMs, Integer maxAttempts,
      Integer initialBackoffMs, Integer maxBackoffMs, java.util.Map<String, String> headersFromEnv, List<String> classes)
      implements ModelDeclaration {}

  /**
   * A long-lived command, in any language, that reads one JSON request per line on stdin and
   * writes one JSON response per line on stdout (see {@code SubprocessAdapter}). It runs in the
   * suite's directory; its stderr is kept for error messages. {@code timeoutMs} bounds each answer.
   *
   * <pre>
   * candidate:
   *   type: subprocess
   *   name: sklearn-forest
   *   command: [python3, serve_forest.py]
   *   batchSize: 64
   *   timeoutMs: 30000
   * </pre>
   */
  record Subprocess(String name, List<String> command, Integer batchSize, Integer timeoutMs) implements ModelDeclaration {}

  /**
   * The deployed model's answers as {@code flipgate record} stored them, with the model's
   * identity and the golden set's sha256: the gate then does not run the deployed model at all.
   */
  record Recorded(String name, String file) implements ModelDeclaration {
    @Override
    public boolean answersStored() {
      return true;
    }
  }
}
