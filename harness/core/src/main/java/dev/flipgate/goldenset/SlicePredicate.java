package dev.flipgate.goldenset;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Which examples belong to a slice. Slices may overlap; {@code all} is implicit. */
public sealed interface SlicePredicate {

  boolean contains(Example example);

  /** The rows of {@code examples} this predicate contains. */
  BitSet members(ExampleTable examples);

  /**
   * The rows whose value in the column passes {@code accepts}, which is asked once per distinct
   * value: a million-example slice costs a million int comparisons, not a million parses.
   */
  private static BitSet byValue(ExampleTable examples, String column, Predicate<String> accepts) {
    var values = examples.column(column);
    if (values.isEmpty()) {
      return new BitSet(examples.size());
    }
    DictionaryColumn cells = values.get();
    boolean[] accepted = new boolean[cells.values().size()];
    for (int code = 0; code < accepted.length; code++) {
      accepted[code] = accepts.test(cells.values().get(code));
    }
    return rowsWhere(cells.rows(), row -> accepted[cells.code(row)]);
  }

  /** The rows below {@code rows} that {@code member} accepts, set word by word (a million rows are a few milliseconds). */
  private static BitSet rowsWhere(int rows, java.util.function.IntPredicate member) {
    long[] words = new long[(rows + 63) >>> 6];
    for (int row = 0; row < rows; row++) {
      if (member.test(row)) {
        words[row >>> 6] |= 1L << row;
      }
    }
    return BitSet.valueOf(words);
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
    public BitSet members(ExampleTable examples) {
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
    public BitSet members(ExampleTable examples) {
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
    public BitSet members(ExampleTable examples) {
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
    public BitSet members(ExampleTable examples) {
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

    @Override
    public BitSet members(ExampleTable examples) {
      List<Set<String>> sets = examples.tagSets();
      boolean[] tagged = new boolean[sets.size()];
      for (int code = 0; code < tagged.length; code++) {
        tagged[code] = sets.get(code).contains(tag);
      }
      return rowsWhere(examples.size(), row -> tagged[examples.tagSetCode(row)]);
    }
  }
}
