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

  /** The line of the {@code n}th (from 0) place the file writes {@code key}, e.g. the third rule of a policy. */
  public static OptionalInt lineOfNth(Path file, String key, int n) {
    var pattern = Pattern.compile("^[\\s-]*\"?" + Pattern.quote(key) + "\"?\\s*:.*|.*[{,]\\s*\"?" + Pattern.quote(key) + "\"?\\s*:.*");
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
}
