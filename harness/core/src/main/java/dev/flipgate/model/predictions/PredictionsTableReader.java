package dev.flipgate.model.predictions;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.io.TableRecords;
import dev.flipgate.failure.ModelFailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the columns {@code id,prediction[,score_<class>…]} of a CSV (plain or gzip) or Parquet
 * file: either no score columns or one per class.
 */
final class PredictionsTableReader {
  private PredictionsTableReader() {}

  static void read(Path file, PredictionRows rows) throws IOException {
    try (TableRecords records = TableRecords.open(file)) {
      List<String> header = records.header();
      int id = column(rows, header, "id");
      int prediction = column(rows, header, "prediction");
      int[] scores = scoreColumns(rows, header);
      while (records.next()) {
        long line = records.position();
        if (records.size() != header.size()) {
          throw rows.at(line).expected(header.size() + " columns, as in the header").found(records.size() + " columns")
              .whatToDo("fix the row").modelFailure("row has the wrong number of columns");
        }
        Optional<double[]> values = Optional.empty();
        if (scores != null) {
          double[] parsed = new double[scores.length];
          for (int i = 0; i < scores.length; i++) {
            parsed[i] = parse(rows, line, records.get(id), header.get(scores[i]), records.get(scores[i]));
          }
          values = Optional.of(parsed);
        }
        rows.add(line, records.get(id), records.get(prediction), values);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalArgumentException e) {
      throw new ModelFailureException(rows.atHeader().whatToDo("give the file the columns id,prediction[,score_<class>…]")
          .says((rows.rowNumbers() ? "invalid Parquet schema: " : "invalid CSV header: ") + e.getMessage()), e);
    }
  }

  /** A score as written; NaN and Infinity pass here to be refused as non-finite by {@link PredictionRows}. */
  private static double parse(PredictionRows rows, long line, String id, String column, String text) {
    return CsvNumbers.parse(text).orElseThrow(() -> rows.at(line).example(id)
        .expected("a number in column '" + column + "' (decimal, e.g. 0.25 or 2.5e-1)").found("'" + text + "'")
        .whatToDo("write scores as plain decimal numbers").modelFailure("a score that is not a number"));
  }

  private static int column(PredictionRows rows, List<String> header, String name) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw rows.atHeader().expected("a column '" + name + "' (header id,prediction[,score_<class>…])")
          .found("columns " + header).whatToDo("fix the header").modelFailure("missing column");
    }
    return at;
  }

  private static int[] scoreColumns(PredictionRows rows, List<String> header) {
    List<String> present = header.stream().filter(h -> h.startsWith("score_")).toList();
    if (present.isEmpty()) {
      return null;
    }
    List<String> expected = rows.classes().stream().map(c -> "score_" + c).toList();
    if (!present.containsAll(expected) || present.size() != expected.size()) {
      throw rows.atHeader().expected("a score column for every class: " + expected).found(present.toString())
          .whatToDo("write one score_<class> column per class, or none").modelFailure("incomplete score columns");
    }
    return expected.stream().mapToInt(header::indexOf).toArray();
  }

}
