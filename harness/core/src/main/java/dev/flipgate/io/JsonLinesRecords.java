package dev.flipgate.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON-lines data file: one flat object per line, every line with the keys of the first
 * (in any order). Records are split on {@code \n} alone, so a text holding U+0085, U+2028 or a
 * carriage return inside a JSON string stays one record; a {@code \r} before the {@code \n} is
 * white space JSON ignores. Values are read as text: a string as written, a number as its JSON
 * numeral, a boolean as {@code true}/{@code false}, {@code null} as the empty string, the same
 * text a CSV column would hold. A nested array or object is refused, naming the line.
 */
public final class JsonLinesRecords implements TableRecords {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final Reader in;
  private final char[] buffer = new char[BUFFER];
  private int position;
  private int limit;
  private boolean ended;
  private long line;
  private long recordLine;
  private final List<String> header;
  private final String[] values;
  private final StringBuilder text = new StringBuilder();
  /** The first record, read for its keys and handed out by the first {@link #next}. */
  private JsonNode pending;

  /** Reads the first record, whose keys are the header; an empty file has an empty header. */
  public JsonLinesRecords(Path file, Reader in) {
    this.file = file;
    this.in = in;
    JsonNode first = nextObject();
    if (first == null) {
      this.header = List.of();
      this.values = new String[0];
      this.pending = null;
      return;
    }
    List<String> names = new ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    this.header = List.copyOf(names);
    this.values = new String[names.size()];
    this.pending = first;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public boolean next() {
    JsonNode record = pending != null ? pending : nextObject();
    pending = null;
    if (record == null) {
      return false;
    }
    if (record.size() != header.size()) {
      throw problem().expected("the keys of the first line " + header).found("keys " + keys(record))
          .whatToDo("give every line the same keys").configurationError("a line has other keys than the first");
    }
    for (int i = 0; i < header.size(); i++) {
      JsonNode value = record.get(header.get(i));
      if (value == null) {
        throw problem().expected("the keys of the first line " + header).found("keys " + keys(record))
            .whatToDo("give every line the same keys").configurationError("a line has other keys than the first");
      }
      if (value.isContainerNode()) {
        throw problem().expected("a string, number, boolean or null for '" + header.get(i) + "'")
            .found(value.isArray() ? "an array" : "an object").whatToDo("flatten the value into columns")
            .configurationError("nested value in a data file");
      }
      values[i] = value.isNull() ? "" : value.isTextual() ? value.textValue() : value.asText();
    }
    return true;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public String get(int column) {
    return values[column];
  }

  @Override
  public long position() {
    return recordLine;
  }

  @Override
  public Problem.Builder locate(Problem.Builder problem) {
    return problem.line(recordLine);
  }

  @Override
  public String positionName() {
    return "line";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The next non-blank line as a JSON object, or null at the end of the file. */
  private JsonNode nextObject() {
    while (readLine()) {
      if (text.toString().isBlank()) {
        continue;
      }
      recordLine = line;
      try {
        JsonNode node = StrictJson.MAPPER.readTree(text.toString());
        if (node != null && node.isObject()) {
          return node;
        }
      } catch (JsonProcessingException e) {
        throw problem().expected("one JSON object per line").found(e.getOriginalMessage())
            .whatToDo("fix the line: each line of a .jsonl file is one complete JSON object").configurationError("invalid JSON line");
      }
      throw problem().expected("one JSON object per line").found(abbreviate(text.toString()))
          .whatToDo("fix the line: each line of a .jsonl file is one complete JSON object").configurationError("invalid JSON line");
    }
    return null;
  }

  /** Reads up to the next {@code \n} (or the end) into {@link #text}; false when nothing is left. */
  private boolean readLine() {
    text.setLength(0);
    try {
      while (true) {
        if (position == limit) {
          if (ended) {
            break;
          }
          limit = in.read(buffer);
          position = 0;
          if (limit < 0) {
            ended = true;
            limit = 0;
            break;
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        text.append(buffer, start, position - start);
        if (position < limit) {
          position++; // the \n
          line++;
          return true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    // The last line, when the file does not end with \n.
    if (text.length() > 0) {
      line++;
      return true;
    }
    return false;
  }

  private Problem.Builder problem() {
    return Problem.at(file).line(recordLine);
  }

  private static List<String> keys(JsonNode record) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
      names.add(fields.next().getKey());
    }
    return names;
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }
}
