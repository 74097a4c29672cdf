package dev.flipgate.model.onnx;

import dev.flipgate.model.tensor.InputPreparation;
import dev.flipgate.model.tensor.OutputKind;
import dev.flipgate.model.tensor.Standardizer;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelDeclaration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's declared input and output against the graph ONNX Runtime loaded, before any
 * example runs: names, shape, batch size and the number of classes. Each mismatch is a
 * configuration error that shows what the graph actually has.
 */
final class OnnxSignature {
  private final Path suiteFile;
  private final ModelDeclaration.Onnx declaration;

  OnnxSignature(Path suiteFile, ModelDeclaration.Onnx declaration) {
    this.suiteFile = suiteFile;
    this.declaration = declaration;
  }

  /** The input shape, batch first, with the batch dimension as the model declares it (-1 = any). */
  long[] inputShape(OrtSession session, int exampleSize) throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    String name = declaration.input() == null ? null : declaration.input().name();
    if (name == null || !inputs.containsKey(name)) {
      throw problem().expected("input.name, one of the graph's inputs " + inputs.keySet())
          .found(name == null ? "no input name" : "'" + name + "'").whatToDo("set input.name to one of " + inputs.keySet())
          .configurationError("unknown model input");
    }
    long[] graphShape = ((TensorInfo) inputs.get(name).getInfo()).getShape();
    List<Long> declared = declaration.input().shape();
    long[] shape = declared == null ? graphShape : declared.stream().mapToLong(Long::longValue).toArray();
    boolean agrees = shape.length == graphShape.length && shape.length >= 1;
    for (int i = 1; agrees && i < shape.length; i++) {
      agrees = graphShape[i] < 0 || graphShape[i] == shape[i];
    }
    if (!agrees || (graphShape[0] > 0 && shape[0] > 0 && graphShape[0] != shape[0])) {
      throw problem().expected("input.shape compatible with the graph's " + Arrays.toString(graphShape))
          .found(Arrays.toString(shape)).whatToDo("fix input.shape (batch first, -1 for any batch size)")
          .configurationError("wrong input shape for model input '" + name + "'");
    }
    long perExample = Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
    if (perExample != exampleSize || Arrays.stream(shape).skip(1).anyMatch(d -> d <= 0)) {
      throw problem().expected("an input of " + exampleSize + " values per example, as the golden set holds")
          .found("input.shape " + Arrays.toString(shape) + " (" + perExample + " values per example)")
          .whatToDo("fix input.shape, or check that this model is meant for this golden set")
          .configurationError("wrong input shape for model input '" + name + "'");
    }
    return shape;
  }

  /** A graph that takes strings needs a text golden set, and one that takes numbers a numeric one. */
  void checkInputType(OrtSession session, boolean textGoldenSet) throws OrtException {
    String name = declaration.input() == null ? null : declaration.input().name();
    if (name == null || !session.getInputInfo().containsKey(name)
        || !(session.getInputInfo().get(name).getInfo() instanceof TensorInfo info)) {
      return; // an unknown input is named by inputShape
    }
    var type = info.type;
    boolean takesText = type == ai.onnxruntime.OnnxJavaType.STRING;
    if (takesText != textGoldenSet) {
      throw problem().expected(textGoldenSet ? "a string input, for the golden set's texts" : "a numeric input, for the golden set's numbers")
          .found("input '" + name + "' of type " + type)
          .whatToDo(textGoldenSet ? "use the model's string input, or a text model" : "declare input.text in the manifest, or use a numeric model")
          .configurationError("the model's input type does not fit the golden set");
    }
  }

  int batchSize(long[] inputShape) {
    int batchSize = dev.flipgate.declaration.BoundedSetting.of(suiteFile, "model '" + declaration.name() + "'.batchSize",
        declaration.batchSize(), inputShape[0] > 0 ? (int) inputShape[0] : 32, 1, dev.flipgate.declaration.BoundedSetting.MAX_BATCH);
    if ( (inputShape[0] > 0 && batchSize != inputShape[0])) {
      throw problem().expected(inputShape[0] > 0
              ? "batchSize " + inputShape[0] + ": the model only accepts batches of " + inputShape[0]
              : "a batchSize of at least 1")
          .found("batchSize " + batchSize).whatToDo("set batchSize: " + Math.max(1, inputShape[0]))
          .configurationError("unusable batch size");
    }
    return batchSize;
  }

  String outputName(OrtSession session, OutputKind kind, int classes) throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    String name = declaration.output() == null ? null : declaration.output().name();
    if (name == null || !outputs.containsKey(name)) {
      throw problem().expected("output.name, one of the graph's outputs " + outputs.keySet())
          .found(name == null ? "no output name" : "'" + name + "'").whatToDo("set output.name to one of " + outputs.keySet())
          .configurationError("unknown model output");
    }
    if (kind != OutputKind.LABEL && kind != OutputKind.VALUE && outputs.get(name).getInfo() instanceof TensorInfo info) {
      long[] shape = info.getShape();
      long perExample = Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
      if (shape.length >= 2 && Arrays.stream(shape).skip(1).allMatch(d -> d > 0) && perExample != kind.width(classes)) {
        throw problem().expected(kind == OutputKind.POSITIVE_PROBABILITY ? "one probability per example"
                : "one " + kind.id() + " value per class: " + classes)
            .found("output '" + name + "' of shape " + Arrays.toString(shape))
            .whatToDo("check output.name, output.kind and the class names")
            .configurationError("the output does not match the classes");
      }
    }
    return name;
  }

  OutputKind outputKind() {
    String kind = declaration.output() == null ? null : declaration.output().kind();
    return OutputKind.byId(kind == null ? "" : kind).orElseThrow(() -> problem()
        .expected("output.kind, one of " + OutputKind.known()).found(kind == null ? "none" : "'" + kind + "'")
        .whatToDo("declare what the output holds").configurationError("unknown output kind"));
  }

  boolean channelsFirst() {
    String layout = declaration.input().layout();
    if (layout == null || layout.equals("NHWC") || layout.equals("FLAT")) {
      return false;
    }
    if (layout.equals("NCHW")) {
      return true;
    }
    throw problem().expected("input.layout NCHW, NHWC or FLAT").found("'" + layout + "'")
        .whatToDo("fix input.layout").configurationError("unknown input layout");
  }

  Problem.Builder problem() {
    return Problem.at(suiteFile).part("model '" + declaration.name() + "'").whatToDo("check the model declaration");
  }
}
