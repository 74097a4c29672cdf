package dev.flipgate.model.predictions;

import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.Prediction;
import dev.flipgate.io.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A model whose predictions were computed elsewhere and written to a file: CSV
 * ({@code id,prediction[,score_<class>…]}) or JSON lines ({@code .jsonl}), either optionally
 * gzip-compressed, or Parquet ({@code .parquet}) with the CSV's columns. The whole file is read and checked when opened: an example without a
 * prediction, or a prediction for an example the golden set does not have, fails the run.
 */
public final class PredictionsFileAdapter extends StoredAnswersAdapter {
  private PredictionsFileAdapter(ModelIdentity identity, PredictionRows rows) {
    super(identity, rows);
  }

  public static PredictionsFileAdapter open(ModelDeclaration.PredictionsFile declaration, ModelContext context) {
    Path file = DeclaredPaths.resolveExisting(context.suiteFile(), declaration.file(), "predictions file");
    String name = file.getFileName().toString();
    boolean parquet = name.endsWith(".parquet");
    var rows = new PredictionRows(file, context.classes(), context.task().isRegression(), context.exampleIndex(), parquet);
    try {
      if (name.replace(".gz", "").endsWith(".jsonl")) {
        try (BufferedReader reader = openText(file)) {
          PredictionsJsonLinesReader.read(reader, rows);
        }
      } else if (!InOrderPredictionsCsv.read(file, rows)) {
        PredictionsTableReader.read(file, rows);
      }
      checkCoverage(file, rows, context);
      var identity = new ModelIdentity(declaration.name(), "predictions-file", file.toString(), Sha256.ofFile(file),
          Files.size(file));
      return new PredictionsFileAdapter(identity, rows);
    } catch (IOException e) {
      throw new ModelFailureException(Problem.at(file).whatToDo("check the file is complete")
          .says("cannot read the predictions file: " + e.getMessage()), e);
    }
  }

  /** A UTF-8 text file, gunzipped on the fly when its name ends in .gz. */
  static BufferedReader openText(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  static void checkCoverage(Path file, PredictionRows rows, ModelContext context) {
    List<String> unknown = List.copyOf(rows.unknownLines().keySet());
    if (!unknown.isEmpty()) {
      throw rows.at(rows.unknownLines().get(unknown.get(0))).example(unknown.get(0))
          .expected("predictions only for examples of the golden set")
          .found(unknown.size() + " unknown ids: " + firstFew(unknown))
          .whatToDo("check the file was made for this golden set and version")
          .modelFailure("predictions for unknown examples");
    }
    int size = rows.examples().size();
    List<String> missing = java.util.stream.IntStream.range(0, size).filter(row -> !rows.answered(row))
        .mapToObj(rows.examples()::id).sorted().toList();
    if (!missing.isEmpty()) {
      throw Problem.at(file).expected("a prediction for each of the " + size + " examples")
          .found(missing.size() + " missing: " + firstFew(missing))
          .whatToDo("predict every example (adversarial ones included) and write the file again")
          .modelFailure("missing predictions");
    }
  }

  private static String firstFew(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(10, ids.size()))) + (ids.size() > 10 ? ", …" : "");
  }
}
