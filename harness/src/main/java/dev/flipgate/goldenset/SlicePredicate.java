package dev.flipgate.goldenset;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Which examples belong to a slice. Slices may overlap; {@code all} is implicit. */
public sealed interface SlicePredicate {

  boolean contains(Example example);

  /** The positions in {@code examples} of those this predicate contains. */
  default BitSet members(List<Example> examples) {
    BitSet members = new BitSet(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      if (contains(examples.get(i))) {
        members.set(i);
      }
    }
    return members;
  }

  /**
   * Members by a column's value, each distinct value tested once: a column has few values (the
   * reader shares equal ones), so a million-example slice costs a million map look-ups, not a
   * million parses.
   */
  private static BitSet byValue(List<Example> examples, String column, Predicate<String> accepts) {
    BitSet members = new BitSet(examples.size());
    Map<String, Boolean> verdicts = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      String value = examples.get(i).metadata().get(column);
      if (value != null && verdicts.computeIfAbsent(value, accepts::test)) {
        members.set(i);
      }
    }
    return members;
  }

  /** The column this predicate reads, if it reads one (so the loader can check it exists). */
  default Optional<String> column() {
    return Optional.empty();
  }

  /** Every example: the implicit {@code all} slice. */
  record Everything() implements SlicePredicate {
    @Override
    public boolean contains(Example example) {
      return true;
    }

    @Override
    public BitSet members(List<Example> examples) {
      BitSet members = new BitSet(examples.size());
      members.set(0, examples.size());
      return members;
    }
  }

  record ColumnEquals(String columnName, String value) implements SlicePredicate {
    @Override
    public boolean contains(Example example) {
      return example.column(columnName).map(value::equals).orElse(false);
    }

    @Override
    public BitSet members(List<Example> examples) {
      return byValue(examples, columnName, value::equals);
    }

    @Override
    public Optional<String> column() {
      return Optional.of(columnName);
    }
  }

  record ColumnIn(String columnName, Set<String> values) implements SlicePredicate {
    public ColumnIn {
      values = Set.copyOf(values);
    }

    @Override
    public boolean contains(Example example) {
      return example.column(columnName).map(values::contains).orElse(false);
    }

    @Override
    public BitSet members(List<Example> examples) {
      return byValue(examples, columnName, values::contains);
    }

    @Override
    public Optional<String> column() {
      return Optional.of(columnName);
    }
  }

  /**
   * A numeric band {@code min <= value < max}; either end may be open. The loader checks every
   * value of the column parses as a number, so {@link #contains} may assume it does.
   */
  record ColumnRange(String columnName, Double min, Double max) implements SlicePredicate {
    public ColumnRange {
      if (min == null && max == null) {
        throw new IllegalArgumentException("a range needs min, max or both");
      }
    }

    @Override
    public boolean contains(Example example) {
      return example.column(columnName).map(Double::parseDouble).map(this::inRange).orElse(false);
    }

    @Override
    public BitSet members(List<Example> examples) {
      return byValue(examples, columnName, text -> inRange(Double.parseDouble(text)));
    }

    private boolean inRange(double value) {
      return (min == null || value >= min) && (max == null || value < max);
    }

    @Override
    public Optional<String> column() {
      return Optional.of(columnName);
    }
  }

  record HasTag(String tag) implements SlicePredicate {
    @Override
    public boolean contains(Example example) {
      return example.tags().contains(tag);
    }
  }
}
