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
  /** Whether the line a break ends is blank (nothing, or only a carriage return): Commons CSV skips those. */
  private boolean[] blank = new boolean[256];
  private int first;
  private int end;
  private long passed;
  private boolean lineHasContent;

  public PhysicalLines(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c, position++);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int count = super.read(buffer, offset, length);
    for (int i = 0; i < count; i++) {
      see(buffer[offset + i], position + i);
    }
    position += Math.max(0, count);
    return count;
  }

  /**
   * The 1-based line on which the record starts; call for records in the order they are read.
   * A record's character position is where the parser began looking for it, before the blank
   * lines it skipped: those are stepped over here.
   */
  public long startOf(CSVRecord record) {
    long start = record.getCharacterPosition();
    while (first < end && (breaks[first] < start || blank[first])) {
      first++;
      passed++;
    }
    return passed + 1;
  }

  private void see(char c, long at) {
    if (c == '\n') {
      remember(at, !lineHasContent);
      lineHasContent = false;
    } else if (c != '\r') {
      lineHasContent = true;
    }
  }

  private void remember(long at, boolean blankLine) {
    if (end == breaks.length) {
      int live = end - first;
      int size = live * 2 > breaks.length ? breaks.length * 2 : breaks.length;
      long[] grownBreaks = new long[size];
      boolean[] grownBlank = new boolean[size];
      System.arraycopy(breaks, first, grownBreaks, 0, live);
      System.arraycopy(blank, first, grownBlank, 0, live);
      breaks = grownBreaks;
      blank = grownBlank;
      first = 0;
      end = live;
    }
    breaks[end] = at;
    blank[end++] = blankLine;
  }
}
