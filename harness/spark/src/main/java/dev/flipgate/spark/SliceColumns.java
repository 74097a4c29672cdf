package dev.flipgate.spark;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.transform;

import dev.flipgate.goldenset.SlicePredicate;
import org.apache.spark.sql.Column;

/**
 * A slice's membership as a Spark column, the same rule {@link SlicePredicate#members} applies
 * locally: values compared as text, a range over the value parsed as a number ({@code min}
 * inclusive, {@code max} exclusive), a tag among the {@code ;}-separated tags, blanks ignored.
 */
final class SliceColumns {
  private SliceColumns() {}

  static Column membership(SlicePredicate predicate, String tagsColumn) {
    // A missing value (null) belongs to no slice but all.
    return org.apache.spark.sql.functions.coalesce(condition(predicate, tagsColumn), lit(false));
  }

  private static Column condition(SlicePredicate predicate, String tagsColumn) {
    if (predicate instanceof SlicePredicate.ColumnEquals equals) {
      return text(equals.columnName()).equalTo(equals.value());
    }
    if (predicate instanceof SlicePredicate.ColumnIn in) {
      return text(in.columnName()).isin(in.values().toArray());
    }
    if (predicate instanceof SlicePredicate.ColumnRange range) {
      return inRange(col(range.columnName()).try_cast("double"), range.min(), range.max());
    }
    if (predicate instanceof SlicePredicate.HasTag tag) {
      return tagsColumn == null ? lit(false)
          : array_contains(transform(split(col(tagsColumn), ";"), part -> trim(part)), tag.tag());
    }
    if (predicate instanceof SlicePredicate.Everything) {
      return lit(true);
    }
    // A kind of slice this translation does not know must not silently count as all examples.
    throw new IllegalStateException("no Spark translation for the slice predicate " + predicate);
  }

  private static Column text(String column) {
    return col(column).cast("string");
  }

  private static Column inRange(Column value, Double min, Double max) {
    Column within = lit(true);
    if (min != null) {
      within = within.and(value.geq(min));
    }
    if (max != null) {
      within = within.and(value.lt(max));
    }
    return within;
  }
}
