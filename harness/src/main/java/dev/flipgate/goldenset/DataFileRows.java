package dev.flipgate.goldenset;

import dev.flipgate.io.CsvRecords;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a golden-set data file (CSV with a header, gzip-compressed when its name
 * ends in {@code .gz}), checking that every row has as many columns as the header.
 */
final class DataFileRows {
  private DataFileRows() {}

  /** A row and the physical line it came from (the header is line 1); valid while it is handed on. */
  record Row(Path file, long line, CsvRecords record) {
    String get(int column) {
      return record.get(column);
    }

    Problem.Builder problem() {
      return Problem.at(file).line(line);
    }
  }

  static void forEach(Path file, Consumer<List<String>> onHeader, Consumer<Row> onRow) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        CsvRecords records = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = records.header();
      onHeader.accept(header);
      while (records.next()) {
        long line = records.line(); // the physical line: blank lines and quoted line breaks counted
        if (records.size() != header.size()) {
          throw Problem.at(file).line(line)
              .expected(header.size() + " columns, as in the header")
              .found(records.size() + " columns")
              .whatToDo("fix or remove the row, then run again")
              .configurationError("row has the wrong number of columns");
        }
        onRow.accept(new Row(file, line, records));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigurationException(
          Problem.at(file).whatToDo("check that the file is a complete CSV file"
              + (file.toString().endsWith(".gz") ? " compressed with gzip" : ""))
              .says("cannot read the data file: " + e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          Problem.at(file).whatToDo("give the file a header row with unique, non-empty column names")
              .says("invalid CSV header: " + e.getMessage()), e);
    }
  }
}
