package dev.flipgate.model.predictions;

import dev.flipgate.io.ByteLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The common predictions file, read as bytes: CSV (plain or gzip) with the header
 * {@code id,prediction} and nothing else, plain ASCII without quotes or spaces at a field's ends
 * ({@link ByteLines#plainFields}), one line per example in the golden set's order. Each id is
 * compared in place with its example's and each answer matched to a class without making a String,
 * which at a million rows is most of the read.
 *
 * <p>It only recognises files that need no decision. Anything else — another order, a score
 * column, a quote, a space at a field's ends, a blank line, a byte beyond ASCII, a label that is
 * no class, a row too many or too few — makes it give up before taking any answer, and
 * {@link PredictionsTableReader} reads the file from the start and reports what it finds with its
 * located messages. So a file gives the same answers, and the same faults, whichever reader took it.
 */
final class InOrderPredictionsCsv {
  private static final byte[] HEADER = "id,prediction".getBytes(StandardCharsets.US_ASCII);
  private static final int BUFFER = 1 << 20;

  private InOrderPredictionsCsv() {}

  /** @return true when every example's answer was taken; false when the file is left to the general reader */
  static boolean read(Path file, PredictionRows rows) throws IOException {
    return read(file, rows, BUFFER);
  }

  /** As above, reading {@code bufferSize} bytes at a time (small sizes test the refills; a longer line is declined). */
  static boolean read(Path file, PredictionRows rows, int bufferSize) throws IOException {
    String name = file.getFileName().toString();
    if (rows.rowNumbers() || rows.numeric() || name.replace(".gz", "").endsWith(".jsonl") || rows.examples().isEmpty()) {
      return false;
    }
    byte[][] classes = ascii(rows.classes());
    var examples = rows.examples();
    int[] codes = new int[examples.size()];
    int row = 0;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      var lines = new ByteLines(in, bufferSize);
      if (!lines.next() || !Arrays.equals(lines.buffer(), lines.start(), lines.end(), HEADER, 0, HEADER.length)) {
        return false;
      }
      int[] starts = new int[2];
      int[] ends = new int[2];
      while (lines.next()) {
        byte[] line = lines.buffer();
        int count = ByteLines.plainFields(line, lines.start(), lines.end(), starts, ends);
        if (count != 2 || starts[0] == ends[0] || row >= codes.length || !examples.matches(row, line, starts[0], ends[0])) {
          return false;
        }
        int code = classOf(classes, line, starts[1], ends[1]);
        if (code < 0) {
          return false;
        }
        codes[row++] = code;
      }
      if (lines.tooLong()) {
        return false; // not a line of this kind of file
      }
    }
    if (row != codes.length) {
      return false;
    }
    rows.answerInOrder(codes);
    return true;
  }

  private static int classOf(byte[][] classes, byte[] buffer, int from, int to) {
    for (int c = 0; c < classes.length; c++) {
      if (Arrays.equals(classes[c], 0, classes[c].length, buffer, from, to)) {
        return c;
      }
    }
    return -1;
  }

  /** The classes as bytes; a class that is not plain ASCII never matches (its rows go to the general reader). */
  private static byte[][] ascii(List<String> classes) {
    return classes.stream().map(c -> c.chars().allMatch(ch -> ch > ' ' && ch < 0x7F && ch != '"' && ch != ',')
        ? c.getBytes(StandardCharsets.US_ASCII) : new byte[] {'"'}).toArray(byte[][]::new);
  }
}
