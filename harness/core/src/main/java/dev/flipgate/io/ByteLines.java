package dev.flipgate.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte stream, each handed over as a span of one reused buffer: no copy, no
 * decoding. For readers that recognise plain ASCII files byte by byte and leave every other file
 * to a reader of text. A line ends at a line feed (not part of it) or at the end of the stream; a
 * line longer than the buffer stops the reading ({@link #tooLong}).
 *
 * <pre>
 * var lines = new ByteLines(in, 1 &lt;&lt; 20);
 * while (lines.next()) {
 *   use(lines.buffer(), lines.start(), lines.end());
 * }
 * if (lines.tooLong()) { ... }
 * </pre>
 */
public final class ByteLines {
  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;
  private boolean ended;
  private int start;
  private int end;
  private boolean tooLong;

  public ByteLines(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** Moves to the next line; false at the end of the stream, or at a line longer than the buffer. */
  public boolean next() throws IOException {
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          start = position;
          end = i;
          position = i + 1;
          return true;
        }
      }
      if (ended) {
        if (position == limit) {
          return false;
        }
        start = position; // a last line without a line feed
        end = limit;
        position = limit;
        return true;
      }
      if (position == 0 && limit == buffer.length) {
        tooLong = true;
        return false;
      }
      int rest = limit - position;
      System.arraycopy(buffer, position, buffer, 0, rest);
      int read = in.readNBytes(buffer, rest, buffer.length - rest);
      ended = read < buffer.length - rest;
      limit = rest + read;
      position = 0;
    }
  }

  /**
   * Splits {@code text[from, to)} at its commas into {@code starts}/{@code ends}, for a line of
   * plain CSV: every byte printable ASCII, no quote, no field starting or ending with a space
   * (which CSV readers trim). The number of fields, or -1 for a line that is not of that kind, is
   * blank (CSV readers skip a blank line, so it is no row of one empty field), or has more fields
   * than there is room for.
   */
  public static int plainFields(byte[] text, int from, int to, int[] starts, int[] ends) {
    if (from == to) {
      return -1;
    }
    int count = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text[i] == ',') {
        if (count == starts.length || i > start && (text[start] == ' ' || text[i - 1] == ' ')) {
          return -1;
        }
        starts[count] = start;
        ends[count++] = i;
        start = i + 1;
      } else if (text[i] < ' ' || text[i] == '"' || text[i] == 0x7F) { // bytes beyond ASCII are negative
        return -1;
      }
    }
    return count;
  }

  /** The buffer the current line is in, from {@link #start} to {@link #end}; valid until the next call. */
  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  /** Whether reading stopped at a line longer than the buffer. */
  public boolean tooLong() {
    return tooLong;
  }
}
