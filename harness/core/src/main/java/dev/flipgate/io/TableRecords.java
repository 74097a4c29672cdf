package dev.flipgate.io;

import dev.flipgate.failure.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The records of a data file with named columns, as text: a CSV file (plain or gzip) or a Parquet
 * file, chosen by the file name. Whatever the format, the readers above check the same things
 * and locate faults by the record's position: the physical line of a CSV record, the row number
 * of a Parquet one.
 */
public sealed interface TableRecords extends Closeable permits CsvRecords, JsonLinesRecords, ParquetRecords {

  /**
   * Opens {@code file}: {@code .parquet} is Parquet, {@code .jsonl} JSON lines, anything else CSV
   * ({@code .gz} after either: gzip). Text is decoded as strict UTF-8: a malformed byte sequence
   * stops the read with a {@link java.nio.charset.CharacterCodingException} (see {@link InvalidUtf8})
   * rather than turning silently into U+FFFD, which would hand a model a text nobody wrote.
   *
   * @throws IllegalArgumentException for a header or schema the reader cannot take (message says why)
   */
  static TableRecords open(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".parquet")) {
      return new ParquetRecords(file);
    }
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      var reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
      String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      return plain.endsWith(".jsonl") ? new JsonLinesRecords(file, reader) : new CsvRecords(reader);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The column names, in file order. */
  List<String> header();

  /**
   * Reads the next record; false when there is none.
   *
   * @throws java.io.UncheckedIOException when the file cannot be read on (malformed, truncated)
   */
  boolean next();

  int size();

  /** The value of a column of the current record, as text; a Parquet null is the empty string. */
  String get(int column);

  /** The current record's physical line (CSV, the header is line 1) or row number (Parquet, from 1). */
  long position();

  /** {@code problem} located at the current record, as a line or a row. */
  Problem.Builder locate(Problem.Builder problem);

  /** How a position of this file is named in messages: "line" or "row". */
  String positionName();
}
