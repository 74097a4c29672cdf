package dev.flipgate.goldenset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text column stored once per distinct value: each row holds the code of its value, in the
 * narrowest array that holds every code (a byte a row for up to 256 values). A million examples
 * in four regions are four strings and a megabyte, and a slice on the column is decided once
 * per distinct value.
 */
public final class DictionaryColumn {
  private final String name;
  // Exactly one of these is non-null.
  private final byte[] byteCodes;
  private final short[] shortCodes;
  private final int[] intCodes;
  private final int rows;
  private final List<String> values;

  private DictionaryColumn(String name, byte[] byteCodes, short[] shortCodes, int[] intCodes, int rows,
      List<String> values) {
    this.name = name;
    this.byteCodes = byteCodes;
    this.shortCodes = shortCodes;
    this.intCodes = intCodes;
    this.rows = rows;
    this.values = List.copyOf(values);
  }

  public String name() {
    return name;
  }

  /** The code of each row's value: an index into {@link #values()}. */
  public int code(int row) {
    if (byteCodes != null) {
      return byteCodes[row] & 0xFF;
    }
    return shortCodes != null ? shortCodes[row] & 0xFFFF : intCodes[row];
  }

  public String value(int row) {
    return values.get(code(row));
  }

  /** The distinct values, in order of first appearance. */
  public List<String> values() {
    return values;
  }

  public int rows() {
    return rows;
  }

  /** Collects a column's values row by row: a byte a row until a 257th value appears, then an int. */
  static final class Builder {
    private final String name;
    private final Map<String, Integer> codeOf = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private byte[] byteCodes = new byte[1024];
    private int[] intCodes;
    private int rows;
    /** For {@link #addAscii}: each value's slot (its index in asciiValues + 1; 0 empty), its bytes and its code. */
    private int[] asciiSlots = new int[16];
    private final List<byte[]> asciiValues = new ArrayList<>();
    private int[] asciiCodes = new int[8];

    Builder(String name) {
      this.name = name;
    }

    /** Appends a row's value and returns the shared instance of it. */
    String add(String value) {
      Integer code = codeOf.get(value);
      if (code == null) {
        code = values.size();
        codeOf.put(value, code);
        values.add(value);
        if (code == 1 << 8) {
          widen();
        }
      }
      append(code);
      return values.get(code);
    }

    /**
     * As {@link #add(String)}, for an ASCII value given as bytes: a value seen before is found by
     * its bytes, so a million rows of a few distinct values make a few Strings, not a million.
     */
    void addAscii(byte[] text, int from, int to) {
      int hash = 0;
      for (int i = from; i < to; i++) {
        hash = 31 * hash + text[i];
      }
      int mask = asciiSlots.length - 1;
      int slot = (hash ^ (hash >>> 16)) & mask;
      while (asciiSlots[slot] != 0) {
        byte[] seen = asciiValues.get(asciiSlots[slot] - 1);
        if (Arrays.equals(seen, 0, seen.length, text, from, to)) {
          append(asciiCodes[asciiSlots[slot] - 1]);
          return;
        }
        slot = (slot + 1) & mask;
      }
      String value = add(new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
      if (asciiValues.size() == asciiCodes.length) {
        asciiCodes = Arrays.copyOf(asciiCodes, asciiCodes.length * 2);
      }
      asciiCodes[asciiValues.size()] = codeOf.get(value);
      asciiValues.add(Arrays.copyOfRange(text, from, to));
      asciiSlots[slot] = asciiValues.size();
      if (2 * asciiValues.size() > asciiSlots.length) {
        rehashAscii();
      }
    }

    private void rehashAscii() {
      asciiSlots = new int[asciiSlots.length * 2];
      int mask = asciiSlots.length - 1;
      for (int i = 0; i < asciiValues.size(); i++) {
        int hash = 0;
        for (byte b : asciiValues.get(i)) {
          hash = 31 * hash + b;
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (asciiSlots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        asciiSlots[slot] = i + 1;
      }
    }

    private void append(int code) {
      if (intCodes != null) {
        if (rows == intCodes.length) {
          intCodes = Arrays.copyOf(intCodes, rows * 2);
        }
        intCodes[rows++] = code;
      } else {
        if (rows == byteCodes.length) {
          byteCodes = Arrays.copyOf(byteCodes, rows * 2);
        }
        byteCodes[rows++] = (byte) code;
      }
    }

    private void widen() {
      intCodes = new int[Math.max(1024, byteCodes.length)];
      for (int row = 0; row < rows; row++) {
        intCodes[row] = byteCodes[row] & 0xFF;
      }
      byteCodes = null;
    }

    int rows() {
      return rows;
    }

    /** The distinct values so far, in order of first appearance. */
    List<String> values() {
      return java.util.Collections.unmodifiableList(values);
    }

    DictionaryColumn build() {
      if (intCodes == null) {
        return new DictionaryColumn(name, Arrays.copyOf(byteCodes, rows), null, null, rows, values);
      }
      if (values.size() <= 1 << 16) {
        short[] shortCodes = new short[rows];
        for (int row = 0; row < rows; row++) {
          shortCodes[row] = (short) intCodes[row];
        }
        return new DictionaryColumn(name, null, shortCodes, null, rows, values);
      }
      return new DictionaryColumn(name, null, null, Arrays.copyOf(intCodes, rows), rows, values);
    }
  }
}
