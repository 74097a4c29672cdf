package dev.flipgate.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the one CSV dialect Flipgate accepts (RFC 4180 with a header of unique, non-blank names,
 * surrounding spaces ignored, blank lines skipped), record by record, with the physical line each
 * record starts on. It reads exactly what Commons CSV reads with {@link StrictCsv#HEADED} (a
 * property test holds it to that), in one pass over a large character buffer: a field that ends
 * inside the buffer becomes a String straight from it, with no per-character bookkeeping. On a
 * million-row file that is the difference between reading and parsing (bench/csv-parse/run.sh measures it).
 *
 * <pre>
 * try (var csv = new CsvRecords(reader)) {
 *   List&lt;String&gt; header = csv.header();
 *   while (csv.next()) {
 *     long line = csv.position(); // the physical line; 1 is the header
 *     String id = csv.get(0);
 *   }
 * }
 * </pre>
 *
 * @throws UncheckedIOException from {@link #next} on malformed quoting, naming the line
 */
public final class CsvRecords implements TableRecords {
  private static final int EOF = -1;
  private static final int UNDEFINED = -2;

  private enum Token { FIELD, END_OF_RECORD, END_OF_FILE }

  private final Reader in;
  private final char[] buffer;
  private int position;
  private int limit;
  private int lastChar = UNDEFINED;
  /** 1 + the line feeds read so far. */
  private long line = 1;
  private boolean lastTokenEndedByDelimiter;
  private final StringBuilder content = new StringBuilder();
  /** The field just read, when it came straight from the buffer; else {@link #content} holds it. */
  private String direct;
  private boolean ready;
  private String[] values = new String[16];
  private int size;
  private long recordLine;
  private final List<String> header;

  /** Reads the header record; an empty input has an empty header. */
  public CsvRecords(Reader in) {
    this(in, 1 << 16);
  }

  /** As above, reading {@code bufferSize} characters at a time (small sizes test the refills). */
  CsvRecords(Reader in, int bufferSize) {
    this.in = in;
    this.buffer = new char[bufferSize];
    this.header = next() ? List.copyOf(Arrays.asList(Arrays.copyOf(values, size))) : List.of();
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (name.trim().isEmpty()) {
        throw new IllegalArgumentException("A header name is missing in " + header);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("The header contains a duplicate name: \"" + name + "\" in " + header);
      }
    }
  }

  public List<String> header() {
    return header;
  }

  /** Reads the next record; false when the input has no more. */
  public boolean next() {
    try {
      size = 0;
      recordLine = -1;
      Token token;
      do {
        token = nextToken();
        if (token != Token.END_OF_FILE || ready) {
          add(direct != null ? direct : content.toString());
        }
      } while (token == Token.FIELD);
      return size > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** The physical line the current record starts on (the header is line 1). */
  @Override
  public long position() {
    return recordLine;
  }

  @Override
  public dev.flipgate.failure.Problem.Builder locate(dev.flipgate.failure.Problem.Builder problem) {
    return problem.line(recordLine);
  }

  @Override
  public String positionName() {
    return "line";
  }

  public int size() {
    return size;
  }

  public String get(int column) {
    if (column >= size) {
      throw new IndexOutOfBoundsException("column " + column + " of a record of " + size);
    }
    return values[column];
  }

  private void add(String value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** One field, as Commons CSV's lexer reads it with {@link StrictCsv#HEADED}'s options. */
  private Token nextToken() throws IOException {
    content.setLength(0);
    direct = null;
    ready = false;
    int previous = lastChar;
    int c = read();
    boolean eol = endOfLine(c);
    while (eol && startOfLine(previous)) { // a blank line
      previous = c;
      c = read();
      eol = endOfLine(c);
      if (c == EOF) {
        return Token.END_OF_FILE;
      }
    }
    if (previous == EOF || !lastTokenEndedByDelimiter && c == EOF) {
      return Token.END_OF_FILE;
    }
    if (recordLine < 0) {
      recordLine = c == '\n' ? line - 1 : line;
    }
    while (Character.isWhitespace((char) c) && c != ',' && !eol) {
      c = read();
      eol = endOfLine(c);
    }
    lastTokenEndedByDelimiter = false;
    if (c == ',') {
      lastTokenEndedByDelimiter = true;
      return Token.FIELD;
    }
    if (eol) {
      return Token.END_OF_RECORD;
    }
    if (c == '"') {
      return quoted();
    }
    if (c == EOF) {
      ready = true;
      return Token.END_OF_FILE;
    }
    return simple(c);
  }

  private Token simple(int first) throws IOException {
    int start = position - 1; // first is buffer[start]
    int at = position;
    while (at < limit) {
      char c = buffer[at];
      if (c == ',' || c == '\n' || c == '\r') {
        direct = trimEnd(new String(buffer, start, at - start));
        position = at;
        int end = read();
        if (end == ',') {
          lastTokenEndedByDelimiter = true;
          return Token.FIELD;
        }
        endOfLine(end);
        return Token.END_OF_RECORD;
      }
      at++;
    }
    // The field runs past the buffer: read it character by character.
    content.append((char) first);
    int c = read();
    while (true) {
      if (endOfLine(c)) {
        trimContentEnd();
        return Token.END_OF_RECORD;
      }
      if (c == EOF) {
        ready = true;
        trimContentEnd();
        return Token.END_OF_FILE;
      }
      if (c == ',') {
        lastTokenEndedByDelimiter = true;
        trimContentEnd();
        return Token.FIELD;
      }
      content.append((char) c);
      c = read();
    }
  }

  private Token quoted() throws IOException {
    long startLine = line;
    while (true) {
      int c = read();
      if (c == '"') {
        if (peek() == '"') {
          content.append((char) read());
        } else {
          return afterQuoted();
        }
      } else if (c == EOF) {
        throw new IOException("(startline " + startLine + ") EOF reached before encapsulated token finished");
      } else {
        content.append((char) c);
      }
    }
  }

  private Token afterQuoted() throws IOException {
    while (true) {
      int c = read();
      if (c == ',') {
        lastTokenEndedByDelimiter = true;
        return Token.FIELD;
      }
      if (c == EOF) {
        ready = true;
        return Token.END_OF_FILE;
      }
      if (endOfLine(c)) {
        return Token.END_OF_RECORD;
      }
      if (!Character.isWhitespace((char) c)) {
        throw new IOException("Invalid character between encapsulated token and delimiter at line " + line);
      }
    }
  }

  private static String trimEnd(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end == text.length() ? text : text.substring(0, end);
  }

  private void trimContentEnd() {
    int end = content.length();
    while (end > 0 && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    content.setLength(end);
  }

  /** Whether {@code c} ends a line: LF, CR, or CR LF (whose LF it consumes). */
  private boolean endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
      return true;
    }
    return c == '\n' || c == '\r';
  }

  private static boolean startOfLine(int c) {
    return c == '\n' || c == '\r' || c == UNDEFINED;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      lastChar = EOF;
      return EOF;
    }
    char c = buffer[position++];
    if (c == '\n') {
      line++;
    }
    lastChar = c;
    return c;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(0, read);
    return read > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
