package dev.flipgate.goldenset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a run's example ids, in row order. Ids whose characters are all Latin-1 (nearly
 * every id: they are ASCII) are packed one byte a character with an end offset per row, about 12
 * bytes an id instead of a 48-byte String; the first id that is not turns the column into Strings.
 */
final class IdColumn {
  private byte[] packed = new byte[1 << 12];
  private int[] ends = new int[1 << 10];
  /** Null while packed. */
  private String[] strings;
  private int rows;

  int size() {
    return rows;
  }

  void add(String id) {
    if (strings == null && rows == ends.length) {
      ends = Arrays.copyOf(ends, rows * 2);
    }
    if (strings == null && !isLatin1(id)) {
      unpack();
    }
    if (strings != null) {
      if (rows == strings.length) {
        strings = Arrays.copyOf(strings, rows * 2);
      }
      strings[rows++] = id;
      return;
    }
    int start = start(rows);
    if (start + id.length() > packed.length) {
      packed = Arrays.copyOf(packed, Math.max(packed.length * 2, start + id.length()));
    }
    for (int i = 0; i < id.length(); i++) {
      packed[start + i] = (byte) id.charAt(i);
    }
    ends[rows++] = start + id.length();
  }

  /** Adds the ASCII id {@code text[from, to)}, as {@link #add(String)} would add it as a String. */
  void add(byte[] text, int from, int to) {
    if (strings != null) {
      add(new String(text, from, to - from, StandardCharsets.ISO_8859_1));
      return;
    }
    if (rows == ends.length) {
      ends = Arrays.copyOf(ends, rows * 2);
    }
    int start = start(rows);
    int length = to - from;
    if (start + length > packed.length) {
      packed = Arrays.copyOf(packed, Math.max(packed.length * 2, start + length));
    }
    System.arraycopy(text, from, packed, start, length);
    ends[rows++] = start + length;
  }

  String get(int row) {
    if (strings != null) {
      return strings[row];
    }
    int start = start(row);
    return new String(packed, start, ends[row] - start, StandardCharsets.ISO_8859_1);
  }

  /** Whether row's id is the Latin-1 text {@code text[from, to)}. */
  boolean matches(int row, byte[] text, int from, int to) {
    if (strings != null) {
      String id = strings[row];
      if (id.length() != to - from) {
        return false;
      }
      for (int i = 0; i < id.length(); i++) {
        if (id.charAt(i) != (text[from + i] & 0xFF)) {
          return false;
        }
      }
      return true;
    }
    int start = start(row);
    return java.util.Arrays.equals(packed, start, ends[row], text, from, to);
  }

  boolean matches(int row, String id) {
    if (strings != null) {
      return strings[row].equals(id);
    }
    int start = start(row);
    if (ends[row] - start != id.length()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if ((packed[start + i] & 0xFF) != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Gives back the room grown ahead. */
  IdColumn trimmed() {
    if (strings != null) {
      strings = Arrays.copyOf(strings, rows);
    } else {
      packed = Arrays.copyOf(packed, start(rows));
      ends = Arrays.copyOf(ends, rows);
    }
    return this;
  }

  private int start(int row) {
    return row == 0 ? 0 : ends[row - 1];
  }

  private void unpack() {
    String[] unpacked = new String[Math.max(16, rows * 2)];
    for (int row = 0; row < rows; row++) {
      unpacked[row] = get(row);
    }
    strings = unpacked;
    packed = null;
    ends = null;
  }

  private static boolean isLatin1(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
