package dev.flipgate.model.tensor;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a model's raw output rows — wherever the model ran — into predictions, one per example:
 * class scores in the golden set's class order, a class index, or a value. Refuses NaN, an index
 * outside the classes, and too few rows, naming the examples concerned.
 */
public final class OutputRows {
  private final String modelName;
  private final OutputKind kind;
  private final List<String> modelClasses;
  private final List<String> goldenClasses;

  public OutputRows(String modelName, OutputKind kind, List<String> modelClasses, List<String> goldenClasses) {
    this.modelName = modelName;
    this.kind = kind;
    this.modelClasses = List.copyOf(modelClasses);
    this.goldenClasses = List.copyOf(goldenClasses);
  }

  /** How many numbers the model gives per example. */
  public int width() {
    return kind.width(modelClasses.size());
  }

  /**
   * {@code data} holds {@code rows × width()} numbers, row by row, exactly one row per input of
   * {@code batch}: a row more or fewer means the answers cannot be matched to their examples.
   */
  public List<Prediction> decode(float[] data, long rows, List<ModelInput> batch) {
    if (rows != batch.size() || data.length != rows * width()) {
      throw Problem.at("model '" + modelName + "'").part("examples " + ids(batch))
          .expected(batch.size() + " rows of " + width() + " " + kind.id())
          .found(data.length + " numbers in " + rows + " rows")
          .whatToDo("check output.name and output.kind in the suite").modelFailure("wrong output shape");
    }
    if (kind == OutputKind.LOGITS && batch.size() > 0 && everyRowIsADistribution(data)) {
      throw Problem.at("model '" + modelName + "'").part("examples " + ids(batch))
          .expected("logits, as output.kind declares: unbounded scores that softmax turns into probabilities")
          .found("rows that are already probabilities (each within [0, 1], summing to 1), e.g. "
              + Arrays.toString(Arrays.copyOf(data, width())))
          .whatToDo("declare output.kind: probabilities; softmax over probabilities would flatten every confidence")
          .modelFailure("the declared output kind contradicts the values");
    }
    List<Prediction> predictions = new ArrayList<>();
    for (int r = 0; r < batch.size(); r++) {
      float[] row = Arrays.copyOfRange(data, r * width(), (r + 1) * width());
      predictions.add(decodeRow(row, batch.get(r).exampleId()));
    }
    return predictions;
  }

  private Prediction decodeRow(float[] row, String id) {
    switch (kind) {
      case LABEL -> {
        float index = row[0];
        if (index != Math.rint(index) || index < 0 || index >= modelClasses.size()) {
          throw Problem.at("model '" + modelName + "'").example(id)
              .expected("a class index from 0 to " + (modelClasses.size() - 1)).found(String.valueOf(index))
              .modelFailure("the model answered a label outside the classes");
        }
        return Prediction.of(modelClasses.get((int) index));
      }
      case VALUE -> {
        requireFinite(row, id);
        return Prediction.of(Double.toString(row[0]));
      }
      default -> {
        requireFinite(row, id);
        if (kind == OutputKind.LOG_PROBABILITIES) {
          for (float value : row) {
            if (value > 1e-4) {
              throw contradiction(row, id, "a log-probability of " + value + ", above 0");
            }
          }
        }
        double[] probabilities = kind.toProbabilities(row);
        for (double p : probabilities) {
          if (!Double.isFinite(p)) {
            throw nan(row, id);
          }
        }
        if (kind != OutputKind.LOGITS) {
          ClassScores.problemWith(modelClasses, probabilities).ifPresent(problem -> {
            throw contradiction(row, id, problem);
          });
        }
        return Prediction.of(new ClassScores(goldenClasses, reorder(probabilities)));
      }
    }
  }

  private RuntimeException contradiction(float[] row, String id, String problem) {
    return Problem.at("model '" + modelName + "'").example(id)
        .expected(kind.id() + ", as output.kind declares: " + (kind == OutputKind.PROBABILITIES
            ? "each within [0, 1], summing to 1" : kind == OutputKind.POSITIVE_PROBABILITY ? "a probability within [0, 1]"
            : "each at most 0, their exponentials summing to 1"))
        .found(problem + " in the row " + Arrays.toString(row))
        .whatToDo("declare the output.kind the model gives (logits, probabilities or log-probabilities)")
        .modelFailure("the declared output kind contradicts the values");
  }

  /** Whether every row already is a probability distribution, to the precision a float softmax gives. */
  private boolean everyRowIsADistribution(float[] data) {
    int width = width();
    for (int start = 0; start + width <= data.length; start += width) {
      double sum = 0;
      for (int i = start; i < start + width; i++) {
        if (!(data[i] >= 0 && data[i] <= 1)) {
          return false;
        }
        sum += data[i];
      }
      if (Math.abs(sum - 1) > 1e-4) {
        return false;
      }
    }
    return width > 1;
  }

  private void requireFinite(float[] row, String id) {
    for (float v : row) {
      if (!Float.isFinite(v)) {
        throw nan(row, id);
      }
    }
  }

  private RuntimeException nan(float[] row, String id) {
    return Problem.at("model '" + modelName + "'").example(id).expected("finite " + kind.id())
        .found(Arrays.toString(row)).whatToDo("check the model; a NaN is never a valid answer")
        .modelFailure("the model answered NaN or infinity");
  }

  /** Scores in the model's output order, rearranged into the golden set's class order. */
  private double[] reorder(double[] probabilities) {
    double[] ordered = new double[goldenClasses.size()];
    for (int i = 0; i < modelClasses.size(); i++) {
      ordered[goldenClasses.indexOf(modelClasses.get(i))] = probabilities[i];
    }
    return ordered;
  }

  public static String ids(List<ModelInput> batch) {
    List<String> ids = batch.stream().map(ModelInput::exampleId).limit(10).toList();
    return String.join(", ", ids) + (batch.size() > 10 ? " and " + (batch.size() - 10) + " more" : "");
  }
}
