package dev.flipgate.declaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds the line on which a YAML file writes a key, for messages about values that are checked
 * after Jackson has built the records (and so has no location left). The first line that writes
 * the key, in block ({@code key: value}) or flow ({@code { key: value }}) style; best effort.
 */
public final class KeyLines {
  private KeyLines() {}

  public static OptionalInt lineOf(Path file, String key) {
    return lineOfNth(file, key, 0);
  }

  /** A line that writes {@code key}: in block style ({@code key: value}, {@code - key: value}) or flow style ({@code { key: value }}). */
  private static Pattern keyPattern(String key) {
    return Pattern.compile("^[\\s-]*\"?" + Pattern.quote(key) + "\"?\\s*:.*|.*[{,]\\s*\"?" + Pattern.quote(key) + "\"?\\s*:.*");
  }

  /** The first line at or after {@code from} (1-based) that writes {@code key}. */
  public static OptionalInt lineAtOrAfter(Path file, String key, int from) {
    var pattern = keyPattern(key);
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).matches()) {
          return OptionalInt.of(i + 1);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // The message still names the file and the key; the line is a convenience.
    }
    return OptionalInt.empty();
  }

  /** The line of the {@code n}th (from 0) place the file writes {@code key}, e.g. the third rule of a policy. */
  public static OptionalInt lineOfNth(Path file, String key, int n) {
    var pattern = keyPattern(key);
    try {
      List<String> lines = Files.readAllLines(file);
      int seen = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).matches() && seen++ == n) {
          return OptionalInt.of(i + 1);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // The message still names the file and the key; the line is a convenience.
    }
    return OptionalInt.empty();
  }

  /**
   * The line each item of the list at {@code path} starts on, e.g. {@code ["perturbations",
   * "generate"]} or {@code ["waivers"]}; empty where the file cannot be read that far.
   */
  public static List<Integer> itemLines(Path file, String... path) {
    List<String> list = new java.util.ArrayList<>(List.of(""));
    list.addAll(List.of(path));
    List<Integer> lines = new java.util.ArrayList<>();
    try (var parser = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser(file.toFile())) {
      // The keys that opened each container we are in: "" for the document and for list items.
      List<String> open = new java.util.ArrayList<>();
      String field = null;
      for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          field = parser.currentName();
        } else if (token.isStructStart()) {
          if (token == com.fasterxml.jackson.core.JsonToken.START_OBJECT && open.equals(list)) {
            lines.add(parser.currentTokenLocation().getLineNr());
          }
          open.add(field == null ? "" : field);
          field = null;
        } else if (token.isStructEnd()) {
          open.remove(open.size() - 1);
        } else {
          field = null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The lines are a convenience of the messages.
    }
    return lines;
  }
}
