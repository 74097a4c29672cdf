package dev.flipgate.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.goldenset.Task;
import dev.flipgate.io.CsvNumbers;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapters;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ONNX models run on the executors, for golden sets that have inputs but no predictions yet. The
 * model's files (the {@code .onnx} and a standardizer) are broadcast once; each executor opens one
 * session per model, kept for the executor's life and shared by its tasks (ONNX Runtime runs a
 * session concurrently), through the very adapter the local engine uses — same input preparation,
 * same output reading, same NaN checks. The answers have the columns of a predictions file, so
 * they can be written back as Parquet and gated again without running the model.
 */
final class ExecutorModels {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Per executor JVM: the open adapters, by the hash of their declaration and files. */
  private static final Map<String, ModelAdapter> OPEN = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /**
   * The model's answer for every example: columns {@code id}, {@code prediction} and, when it
   * gives class probabilities, {@code score_<class>} for each class.
   *
   * @param examples the examples, with their id as text in {@link DistributedAnswers#ID}
   * @param file how the examples are named in messages (their path)
   */
  static Dataset<Row> answers(SparkSession spark, ModelDeclaration.Onnx model, Path suiteFile, Dataset<Row> examples,
      String file, List<String> classes, List<String> inputColumns, InputLayout layout, boolean scores) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Path modelFile = DeclaredPaths.resolveExisting(suiteFile, model.file(), "model file");
    files.put("model.onnx", read(modelFile));
    String standardize = model.input() == null ? null : model.input().standardize();
    if (standardize != null) {
      files.put("standardize.csv", read(DeclaredPaths.resolveExisting(suiteFile, standardize, "standardizer")));
    }
    String declaration;
    try {
      declaration = JSON.writerFor(ModelDeclaration.class).writeValueAsString(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String key = dev.flipgate.io.Sha256.ofBytes((declaration + files.keySet()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + files.values().stream().map(dev.flipgate.io.Sha256::ofBytes).reduce("", String::concat);
    var shipped = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).broadcast(files);
    StructType schema = new StructType().add("id", DataTypes.StringType).add("prediction", DataTypes.StringType);
    if (scores) {
      for (String c : classes) {
        schema = schema.add("score_" + c, DataTypes.DoubleType);
      }
    }
    var run = new RunModel(key, declaration, shipped, file, classes, inputColumns, layout.shape(), layout.order().name(),
        scores);
    List<org.apache.spark.sql.Column> selected = new ArrayList<>(List.of(org.apache.spark.sql.functions.col(DistributedAnswers.ID)));
    inputColumns.forEach(c -> selected.add(org.apache.spark.sql.functions.col(c)));
    return examples.select(selected.toArray(org.apache.spark.sql.Column[]::new))
        .mapPartitions(run, org.apache.spark.sql.catalyst.encoders.ExpressionEncoder.apply(schema));
  }

  /**
   * A row's model input (id, then the input columns), each value as the local reader reads a
   * Parquet cell: its text, parsed as a float.
   */
  static ModelInput input(Row row, List<String> inputColumns, int[] shape, String file) {
    String id = row.getString(0);
    float[] values = new float[inputColumns.size()];
    for (int i = 0; i < values.length; i++) {
      Object cell = row.get(i + 1);
      String text = cell == null ? "" : cell.toString();
      values[i] = CsvNumbers.isNumeral(text) ? Float.parseFloat(text) : Float.NaN;
      if (!Float.isFinite(values[i])) {
        throw Problem.at(file).example(id).expected("a finite number in input column '" + inputColumns.get(i) + "'")
            .found("'" + text + "'").whatToDo("fix the value in the data file").configurationError("non-numeric model input");
      }
    }
    return new ModelInput(id, new InputTensor(values, shape));
  }

  /** Closes the adapters this JVM opened (the driver's, in local mode, where it is also the executor). */
  static void closeAll() {
    OPEN.values().forEach(ModelAdapter::close);
    OPEN.clear();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw Problem.at(file).whatToDo("check the file is readable").configurationError("cannot read: " + e.getMessage());
    }
  }

  /** One partition's examples through the model, a batch at a time. */
  private record RunModel(String key, String declaration, Broadcast<Map<String, byte[]>> files, String file,
      List<String> classes, List<String> inputColumns, int[] shape, String order, boolean scores)
      implements MapPartitionsFunction<Row, Row>, Serializable {

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      ModelAdapter adapter = OPEN.computeIfAbsent(key, k -> open());
      List<Row> answered = new ArrayList<>();
      List<ModelInput> batch = new ArrayList<>();
      while (rows.hasNext()) {
        batch.add(input(rows.next()));
        if (batch.size() == adapter.batchSize() || !rows.hasNext()) {
          List<Prediction> predictions = adapter.predict(batch);
          for (int i = 0; i < batch.size(); i++) {
            answered.add(row(batch.get(i).exampleId(), predictions.get(i)));
          }
          batch.clear();
        }
      }
      return answered.iterator();
    }

    private ModelInput input(Row row) {
      return ExecutorModels.input(row, inputColumns, shape, file);
    }

    private Row row(String id, Prediction prediction) {
      Object[] values = new Object[2 + (scores ? classes.size() : 0)];
      values[0] = id;
      values[1] = prediction.label();
      if (scores) {
        var probabilities = prediction.scores().orElseThrow();
        for (int c = 0; c < classes.size(); c++) {
          values[2 + c] = probabilities.of(classes.get(c));
        }
      }
      return RowFactory.create(values);
    }

    /** The model's files written where this executor can open them, and the adapter on them. */
    private ModelAdapter open() {
      try {
        Path directory = Files.createTempDirectory("flipgate-model-");
        directory.toFile().deleteOnExit();
        for (var entry : files.value().entrySet()) {
          Path written = Files.write(directory.resolve(entry.getKey()), entry.getValue());
          written.toFile().deleteOnExit();
        }
        var model = (ModelDeclaration.Onnx) JSON.readValue(declaration, ModelDeclaration.class);
        var input = model.input();
        var local = new ModelDeclaration.Onnx(model.name(), "model.onnx", input == null ? null
            : new ModelDeclaration.OnnxInput(input.name(), input.shape(), input.layout(), input.scale(), input.offset(),
                input.standardize() == null ? null : "standardize.csv"), model.output(), model.batchSize(), model.classes());
        var context = new ModelContext(directory.resolve("suite.yaml"), new Task.Classification(), classes, inputColumns,
            new InputLayout(shape, InputLayout.Order.valueOf(order)), Set.of());
        return ModelAdapters.open(local, context);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the model's files on this executor", e);
      }
    }
  }
}
