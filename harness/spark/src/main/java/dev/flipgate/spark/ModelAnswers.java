package dev.flipgate.spark;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.Task;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapters;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One model's answers on the Spark engine, as a predictions file has them (id, prediction[,
 * score_&lt;class&gt;…]): read from its Parquet predictions, or computed by running its ONNX model on
 * the executors ({@link ExecutorModels}) — then kept, so the model runs once, and writable as
 * Parquet predictions to gate again without running it.
 *
 * @param run the role of a model run on the executors ({@code deployed}, {@code candidate}), empty for stored answers
 * @param adapter the run model opened on the driver (for the latency probe), empty for stored answers
 */
record ModelAnswers(Dataset<Row> rows, ModelIdentity identity, Optional<String> run, Optional<ModelAdapter> adapter)
    implements AutoCloseable {

  static ModelAnswers of(SparkSession spark, ModelDeclaration model, String role, SparkSuite parts, GoldenSet declared,
      Dataset<Row> examples) {
    if (model instanceof ModelDeclaration.PredictionsFile) {
      String path = role.equals("deployed") ? parts.sources().deployed() : parts.sources().candidate();
      var data = DataIdentity.of(spark, path);
      // A local file is named by its path, as the local engine names it; a remote one by its URI.
      String location = path.startsWith("file:") ? java.nio.file.Paths.get(java.net.URI.create(path)).toString() : path;
      return new ModelAnswers(DistributedAnswers.stored(spark, path),
          new ModelIdentity(model.name(), "predictions-file", location, data.sha256(), data.sizeBytes()), Optional.empty(),
          Optional.empty());
    }
    var onnx = (ModelDeclaration.Onnx) model;
    if (declared.inputColumns().isEmpty()) {
      throw Problem.at(parts.manifestFile()).part("input").expected("the input columns the " + role + " model '"
              + model.name() + "' reads").found("none declared").whatToDo("declare input.columns in the manifest")
          .configurationError("a model to run needs inputs");
    }
    if (declared.inputLayout().isText()) {
      throw Problem.at(parts.manifestFile()).part("input").expected("numeric input columns: this engine runs models on numbers")
          .found("a text input (input.text)").whatToDo("gate a text golden set with the local engine (leave out --engine),"
              + " or gate its models' predictions files on this one")
          .configurationError("text inputs are not run on the Spark engine");
    }
    // Opened once on the driver, as the local engine opens it: its declaration is checked against the
    // golden set before any executor runs it, and its identity is the local engine's.
    var context = new ModelContext(parts.suiteFile(), new Task.Classification(), parts.classes(), declared.inputColumns(),
        declared.inputLayout(), Set.of());
    ModelAdapter adapter = ModelAdapters.open(onnx, context);
    try {
      boolean scores = !"label".equals(onnx.output().kind());
      Dataset<Row> answers = ExecutorModels.answers(spark, onnx, parts.suiteFile(), examples, parts.sources().examples(),
          parts.classes(), declared.inputColumns(), declared.inputLayout(), scores).persist(StorageLevel.MEMORY_AND_DISK());
      return new ModelAnswers(answers, adapter.identity(), Optional.of(role), Optional.of(adapter));
    } catch (RuntimeException e) {
      adapter.close();
      throw e;
    }
  }

  @Override
  public void close() {
    adapter.ifPresent(ModelAdapter::close);
  }

  /** Writes a run model's answers as Parquet predictions under {@code directory}/{@code role}; stored answers are not copied. */
  void writeIfRun(String directory) {
    run.ifPresent(role -> rows.write().parquet(directory.replaceAll("/+$", "") + "/" + role));
  }
}
