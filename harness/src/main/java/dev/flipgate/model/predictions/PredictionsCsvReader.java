package dev.flipgate.model.predictions;

import dev.flipgate.failure.ModelFailureException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads {@code id,prediction[,score_<class>…]} CSV: either no score columns or one per class. */
final class PredictionsCsvReader {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

  private PredictionsCsvReader() {}

  static void read(Reader reader, PredictionRows rows) throws IOException {
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      List<String> header = parser.getHeaderNames();
      int id = column(rows, header, "id");
      int prediction = column(rows, header, "prediction");
      int[] scores = scoreColumns(rows, header);
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        if (record.size() != header.size()) {
          throw rows.at(line).expected(header.size() + " columns, as in the header").found(record.size() + " columns")
              .whatToDo("fix the row").modelFailure("row has the wrong number of columns");
        }
        Optional<double[]> values = Optional.empty();
        if (scores != null) {
          double[] parsed = new double[scores.length];
          for (int i = 0; i < scores.length; i++) {
            parsed[i] = parse(record.get(scores[i]));
          }
          values = Optional.of(parsed);
        }
        rows.add(line, record.get(id), record.get(prediction), values);
      }
    } catch (IllegalArgumentException e) {
      throw new ModelFailureException(rows.at(1).whatToDo("give the file the header id,prediction[,score_<class>…]")
          .says("invalid CSV header: " + e.getMessage()), e);
    }
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN; // reported with the row's id and line by PredictionRows
    }
  }

  private static int column(PredictionRows rows, List<String> header, String name) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw rows.at(1).expected("a column '" + name + "' (header id,prediction[,score_<class>…])")
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
      throw rows.at(1).expected("a score column for every class: " + expected).found(present.toString())
          .whatToDo("write one score_<class> column per class, or none").modelFailure("incomplete score columns");
    }
    return expected.stream().mapToInt(header::indexOf).toArray();
  }

}
