package dev.flipgate.model.predictions;

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
 * {@code id,prediction} and nothing else, plain ASCII without quotes or spaces, one line per
 * example in the golden set's order. Each id is compared in place with its example's and each
 * answer matched to a class without making a String, which at a million rows is most of the read.
 *
 * <p>It only recognises files that need no decision. Anything else — another order, a score
 * column, a quote, a space, a blank line, a byte beyond ASCII, a label that is no class, a row too
 * many or too few — makes it give up before taking any answer, and {@link PredictionsTableReader}
 * reads the file from the start and reports what it finds with its located messages. So a file
 * gives the same answers, and the same faults, whichever reader took it.
 */
final class InOrderPredictionsCsv {
  private static final byte[] HEADER = "id,prediction\n".getBytes(StandardCharsets.US_ASCII);
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
      byte[] buffer = new byte[bufferSize];
      int limit = in.readNBytes(buffer, 0, bufferSize);
      boolean ended = limit < bufferSize;
      if (limit < HEADER.length || !Arrays.equals(buffer, 0, HEADER.length, HEADER, 0, HEADER.length)) {
        return false;
      }
      int position = HEADER.length;
      while (true) {
        int end = lineEnd(buffer, position, limit);
        if (end < 0) {
          if (ended) {
            if (position == limit) {
              break;
            }
            end = limit; // a last line without a line feed
          } else {
            if (position == 0) {
              return false; // a line longer than the buffer: not a line of this kind of file
            }
            int rest = limit - position;
            System.arraycopy(buffer, position, buffer, 0, rest);
            int read = in.readNBytes(buffer, rest, bufferSize - rest);
            ended = read < bufferSize - rest;
            limit = rest + read;
            position = 0;
            continue;
          }
        }
        int comma = comma(buffer, position, end);
        if (comma <= position || comma >= end - 1 || row >= codes.length
            || !examples.matches(row, buffer, position, comma)) {
          return false;
        }
        int code = classOf(classes, buffer, comma + 1, end);
        if (code < 0) {
          return false;
        }
        codes[row++] = code;
        position = Math.min(end + 1, limit);
      }
    }
    if (row != codes.length) {
      return false;
    }
    rows.answerInOrder(codes);
    return true;
  }

  /** The line feed ending the line at {@code from}, or -1 when the buffer holds no more. */
  private static int lineEnd(byte[] buffer, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The single comma of a line of plain ASCII (no space, control, quote or non-ASCII byte), or -1. */
  private static int comma(byte[] buffer, int from, int end) {
    int comma = -1;
    for (int i = from; i < end; i++) {
      byte b = buffer[i];
      if (b == ',') {
        if (comma >= 0) {
          return -1;
        }
        comma = i;
      } else if (b <= ' ' || b == '"' || b == 0x7F) { // bytes beyond ASCII are negative
        return -1;
      }
    }
    return comma;
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
