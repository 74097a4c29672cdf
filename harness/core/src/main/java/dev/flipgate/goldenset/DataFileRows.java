package dev.flipgate.goldenset;

import dev.flipgate.io.TableRecords;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the rows of a golden-set data file (CSV with a header, gzip-compressed when its name
 * ends in {@code .gz}; or Parquet, {@code .parquet}), checking that every row has as many
 * columns as the header.
 */
final class DataFileRows {
  private DataFileRows() {}

  /** A row and where it came from (a CSV record's physical line, a Parquet row number); valid while it is handed on. */
  record Row(Path file, TableRecords record) {
    long line() {
      return record.position();
    }

    String get(int column) {
      return record.get(column);
    }

    Problem.Builder problem() {
      return record.locate(Problem.at(file));
    }

    /** "line" or "row": how this file's positions are named. */
    String positionName() {
      return record.positionName();
    }
  }

  private static ConfigurationException invalidUtf8(Path file, Exception cause) {
    Problem.Builder problem = Problem.at(file);
    try {
      var line = dev.flipgate.io.InvalidUtf8.firstBadLine(file);
      if (line.isPresent()) {
        problem = problem.line(line.getAsLong());
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
    return new ConfigurationException(problem.expected("UTF-8 text").found("bytes that are not UTF-8")
        .whatToDo("save the file as UTF-8 (a text written as Latin-1 or Windows-1252 shows this), then run again")
        .says("the data file is not UTF-8"), cause);
  }

  static void forEach(Path file, Consumer<List<String>> onHeader, Consumer<Row> onRow) {
    boolean parquet = file.getFileName().toString().endsWith(".parquet");
    try (TableRecords records = TableRecords.open(file)) {
      List<String> header = records.header();
      onHeader.accept(header);
      while (records.next()) {
        if (records.size() != header.size()) {
          throw records.locate(Problem.at(file))
              .expected(header.size() + " columns, as in the header")
              .found(records.size() + " columns")
              .whatToDo("fix or remove the row, then run again")
              .configurationError("row has the wrong number of columns");
        }
        onRow.accept(new Row(file, records));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      if (dev.flipgate.io.InvalidUtf8.causedBy(e)) {
        throw invalidUtf8(file, e);
      }
      throw new ConfigurationException(
          Problem.at(file).whatToDo(parquet ? "check that the file is a complete Parquet file"
              : "check that the file is a complete CSV file" + (file.toString().endsWith(".gz") ? " compressed with gzip" : ""))
              .says("cannot read the data file: " + e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          Problem.at(file).whatToDo(parquet ? "write a flat table: one plain column per field, each name once"
              : "give the file a header row with unique, non-empty column names")
              .says((parquet ? "invalid Parquet schema: " : "invalid CSV header: ") + e.getMessage()), e);
    }
  }
}
