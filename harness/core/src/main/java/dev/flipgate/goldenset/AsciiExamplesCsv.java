package dev.flipgate.goldenset;

import dev.flipgate.io.ByteLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The common examples file of a classification golden set without model input (the models are
 * predictions files), read as bytes: CSV, plain or gzip, every byte printable ASCII, no quote,
 * no field starting or ending with a space, no blank line. Ids, labels, metadata and tags go into
 * the table's columns straight from the bytes: a value seen before is found by its bytes, so a
 * million rows make a few Strings, not five million, and no character decoding is needed.
 *
 * <p>It only recognises files that need no decision. Anything else — a quote, a byte beyond
 * ASCII, a column missing, a row of the wrong width, an empty or repeated id, a label that is no
 * class, a read error — makes it give up, and {@link ExamplesReader} reads the file from the start
 * and reports what it finds with its located messages; so a file makes the same table, and the
 * same faults, whichever reader took it.
 */
final class AsciiExamplesCsv {
  private static final int BUFFER = 1 << 20;
  private static final int MAX_HEADER_COLUMNS = 1024;

  /** Which columns to read, as the manifest names them. */
  record Columns(String id, String label, List<String> metadata, String tags) {}

  private AsciiExamplesCsv() {}

  /** The table of {@code file}, or empty when the file is left to the general reader. */
  static Optional<ExampleTable> read(Path file, Columns columns, Set<String> classes, InputTensor noInput) {
    return read(file, columns, classes, noInput, BUFFER);
  }

  /** As above, reading {@code bufferSize} bytes at a time (small sizes test the refills; a longer line is declined). */
  static Optional<ExampleTable> read(Path file, Columns columns, Set<String> classes, InputTensor noInput, int bufferSize) {
    String name = file.getFileName().toString();
    String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (plain.endsWith(".parquet") || plain.endsWith(".jsonl")) {
      return Optional.empty();
    }
    var table = new ExampleTable.Builder(columns.label(), columns.metadata(), noInput);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      if (!readRows(in, columns, table, bufferSize)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty(); // the general reader reports it, located
    }
    if (table.rows() == 0 || !classes.containsAll(table.labelValues())) {
      return Optional.empty();
    }
    return Optional.of(table.build());
  }

  private static boolean readRows(InputStream in, Columns columns, ExampleTable.Builder table, int bufferSize)
      throws IOException {
    var lines = new ByteLines(in, bufferSize);
    int[] starts = new int[MAX_HEADER_COLUMNS];
    int[] ends = new int[MAX_HEADER_COLUMNS];
    Fields fields = null;
    long line = 1;
    while (lines.next()) {
      byte[] text = lines.buffer();
      int count = ByteLines.plainFields(text, lines.start(), lines.end(), starts, ends);
      if (count < 0) {
        return false;
      }
      if (fields == null) {
        fields = Fields.of(text, starts, ends, count, columns);
        if (fields == null) {
          return false;
        }
        starts = new int[count];
        ends = new int[count];
      } else {
        if (count != fields.width() || ends[fields.id()] == starts[fields.id()]
            || ends[fields.label()] == starts[fields.label()] || line > Integer.MAX_VALUE
            || table.addId(text, starts[fields.id()], ends[fields.id()]) >= 0) {
          return false;
        }
        table.addAsciiRow(text, starts, ends, fields.label(), fields.metadata(), fields.tags(), line);
      }
      line++;
    }
    return fields != null && !lines.tooLong();
  }

  /** Where the columns read are in the header, and its width. */
  private record Fields(int width, int id, int label, int[] metadata, int tags) {
    /** Null when the header is not one this reader takes (a name missing, empty or repeated). */
    static Fields of(byte[] text, int[] starts, int[] ends, int count, Columns columns) {
      List<String> header = new ArrayList<>();
      for (int f = 0; f < count; f++) {
        header.add(new String(text, starts[f], ends[f] - starts[f], StandardCharsets.US_ASCII));
      }
      if (header.contains("") || new HashSet<>(header).size() != header.size()) {
        return null;
      }
      int[] metadata = columns.metadata().stream().mapToInt(header::indexOf).toArray();
      int id = header.indexOf(columns.id());
      int label = header.indexOf(columns.label());
      int tags = columns.tags() == null ? -1 : header.indexOf(columns.tags());
      boolean missing = id < 0 || label < 0 || (columns.tags() != null && tags < 0)
          || java.util.Arrays.stream(metadata).anyMatch(at -> at < 0);
      return missing ? null : new Fields(count, id, label, metadata, tags);
    }
  }
}
