package dev.flipgate.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.apache.commons.csv.CSVRecord;

/**
 * A reader that remembers where its lines break, so a CSV record can be located by the physical
 * line it starts on. Commons CSV numbers records, not lines: after a skipped blank line or a
 * quoted field that spans lines, "record number + 1" names the wrong line. Records are located in
 * the order they are read, so only the breaks not yet passed are kept.
 *
 * <pre>
 * var lines = new PhysicalLines(reader);
 * try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
 *   for (CSVRecord record : parser) {
 *     long line = lines.startOf(record);   // 1 is the header
 *   }
 * }
 * </pre>
 */
public final class PhysicalLines extends FilterReader {
  private long position;
  private long[] breaks = new long[256];
  private int first;
  private int end;
  private long passed;

  public PhysicalLines(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c == '\n') {
      remember(position);
    }
    if (c >= 0) {
      position++;
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int count = super.read(buffer, offset, length);
    for (int i = 0; i < count; i++) {
      if (buffer[offset + i] == '\n') {
        remember(position + i);
      }
    }
    position += Math.max(0, count);
    return count;
  }

  /** The 1-based line on which the record starts; call for records in the order they are read. */
  public long startOf(CSVRecord record) {
    long start = record.getCharacterPosition();
    while (first < end && breaks[first] < start) {
      first++;
      passed++;
    }
    return passed + 1;
  }

  private void remember(long at) {
    if (end == breaks.length) {
      int live = end - first;
      long[] grown = live * 2 > breaks.length ? new long[breaks.length * 2] : breaks;
      System.arraycopy(breaks, first, grown, 0, live);
      breaks = grown;
      first = 0;
      end = live;
    }
    breaks[end++] = at;
  }
}
