package dev.flipgate.model.onnx;

import dev.flipgate.model.tensor.InputPreparation;
import dev.flipgate.model.tensor.OutputRows;
import dev.flipgate.model.tensor.OutputKind;
import dev.flipgate.model.tensor.Standardizer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an output tensor into predictions, one per row, refusing NaN and wrong shapes with the
 * ids of the examples concerned.
 */
final class OnnxOutputReader {
  private final String modelName;
  private final OutputKind kind;
  private final List<String> modelClasses;
  private final List<String> goldenClasses;

  OnnxOutputReader(String modelName, OutputKind kind, List<String> modelClasses, List<String> goldenClasses) {
    this.modelName = modelName;
    this.kind = kind;
    this.modelClasses = List.copyOf(modelClasses);
    this.goldenClasses = List.copyOf(goldenClasses);
  }

  List<Prediction> read(OnnxValue value, List<ModelInput> batch) throws OrtException {
    if (!(value instanceof OnnxTensor tensor)) {
      throw failure(batch, "a tensor", value.getInfo().toString(), "the output is not a tensor");
    }
    long[] shape = tensor.getInfo().getShape();
    long rows = shape.length == 0 ? 1 : shape[0];
    long elements = tensor.getInfo().getNumElements();
    return switch (kind) {
      case LABEL -> readLabels(tensor, rows, elements, batch);
      case VALUE -> readValues(tensor, rows, elements, batch);
      default -> readScores(tensor, rows, elements, batch);
    };
  }

  private List<Prediction> readValues(OnnxTensor tensor, long rows, long elements, List<ModelInput> batch) {
    FloatBuffer buffer = tensor.getFloatBuffer();
    if (buffer == null || rows < batch.size() || elements != rows) {
      throw failure(batch, rows + " float values, one per example", tensor.getInfo().toString(), "wrong value output");
    }
    List<Prediction> predictions = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      float value = buffer.get();
      if (!Float.isFinite(value)) {
        throw Problem.at("model '" + modelName + "'").example(batch.get(Math.min(r, batch.size() - 1)).exampleId())
            .expected("a finite value").found(String.valueOf(value)).whatToDo("check the model; a NaN is never a valid answer")
            .modelFailure("the model answered NaN or infinity");
      }
      predictions.add(Prediction.of(Double.toString(value)));
    }
    return predictions;
  }

  private List<Prediction> readScores(OnnxTensor tensor, long rows, long elements, List<ModelInput> batch) {
    int width = kind.width(modelClasses.size());
    if (rows < batch.size() || elements != rows * width) {
      throw failure(batch, rows + " rows of " + width + " " + kind.id(),
          "shape " + java.util.Arrays.toString(tensor.getInfo().getShape()), "wrong output shape");
    }
    FloatBuffer buffer = tensor.getFloatBuffer();
    if (buffer == null) {
      throw failure(batch, "float " + kind.id(), tensor.getInfo().type.toString(), "wrong output type");
    }
    float[] data = new float[buffer.remaining()];
    buffer.get(data);
    List<ModelInput> padded = new ArrayList<>(batch);
    while (padded.size() < rows) {
      padded.add(batch.get(batch.size() - 1)); // a fixed batch size pads with the last input
    }
    return rows(kind).decode(data, rows, padded);
  }

  private OutputRows rows(OutputKind outputKind) {
    return new OutputRows(modelName, outputKind, modelClasses, goldenClasses);
  }

  private List<Prediction> readLabels(OnnxTensor tensor, long rows, long elements, List<ModelInput> batch) {
    LongBuffer buffer = tensor.getLongBuffer();
    if (buffer == null || rows < batch.size() || elements != rows) {
      throw failure(batch, rows + " class indices (int64)", tensor.getInfo().toString(), "wrong label output");
    }
    List<Prediction> predictions = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long index = buffer.get();
      if (index < 0 || index >= modelClasses.size()) {
        throw Problem.at("model '" + modelName + "'").example(batch.get(Math.min(r, batch.size() - 1)).exampleId())
            .expected("a class index from 0 to " + (modelClasses.size() - 1)).found(String.valueOf(index))
            .modelFailure("the model answered a label outside the classes");
      }
      predictions.add(Prediction.of(modelClasses.get((int) index)));
    }
    return predictions;
  }

  private RuntimeException failure(List<ModelInput> batch, String expected, String found, String summary) {
    return Problem.at("model '" + modelName + "'").part("examples " + OutputRows.ids(batch))
        .expected(expected).found(found).whatToDo("check output.name and output.kind in the suite")
        .modelFailure(summary);
  }
}
