package dev.flipgate.goldenset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text column stored once per distinct value: each row holds the code of its value. A million
 * examples in four regions are four strings and a million ints, and a slice on the column is
 * decided once per distinct value.
 */
public final class DictionaryColumn {
  private final String name;
  private final int[] codes;
  private final List<String> values;

  private DictionaryColumn(String name, int[] codes, List<String> values) {
    this.name = name;
    this.codes = codes;
    this.values = List.copyOf(values);
  }

  public String name() {
    return name;
  }

  /** The code of each row's value: an index into {@link #values()}. */
  public int code(int row) {
    return codes[row];
  }

  public String value(int row) {
    return values.get(codes[row]);
  }

  /** The distinct values, in order of first appearance. */
  public List<String> values() {
    return values;
  }

  public int rows() {
    return codes.length;
  }

  /** Collects a column's values row by row. */
  static final class Builder {
    private final String name;
    private final Map<String, Integer> codeOf = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private int[] codes = new int[1024];
    private int rows;

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
      }
      if (rows == codes.length) {
        codes = java.util.Arrays.copyOf(codes, rows * 2);
      }
      codes[rows++] = code;
      return values.get(code);
    }

    int rows() {
      return rows;
    }

    DictionaryColumn build() {
      return new DictionaryColumn(name, java.util.Arrays.copyOf(codes, rows), values);
    }
  }
}
