package dev.flipgate.goldenset;

import java.util.Optional;
import java.util.Set;

/** Which examples belong to a slice. Slices may overlap; {@code all} is implicit. */
public sealed interface SlicePredicate {

  boolean contains(Example example);

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
  }

  record ColumnEquals(String columnName, String value) implements SlicePredicate {
    @Override
    public boolean contains(Example example) {
      return example.column(columnName).map(value::equals).orElse(false);
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
