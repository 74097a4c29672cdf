package dev.flipgate.comparison;

import dev.flipgate.goldenset.ExampleTable;

/**
 * The rows of the negative flips and their ids, each id made once: every slice an example is in
 * lists the same String, so ten slices over half a million negative flips hold half a million
 * ids, not five million.
 */
final class NegativeFlips {
  private final int[] rows;
  private final String[] ids;

  private NegativeFlips(int[] rows, String[] ids) {
    this.rows = rows;
    this.ids = ids;
  }

  static NegativeFlips of(ExampleTable examples, byte[] kinds) {
    int count = 0;
    for (byte kind : kinds) {
      count += kind == FlipKind.NEGATIVE.ordinal() ? 1 : 0;
    }
    int[] rows = new int[count];
    String[] ids = new String[count];
    int next = 0;
    for (int row = 0; row < kinds.length; row++) {
      if (kinds[row] == FlipKind.NEGATIVE.ordinal()) {
        rows[next] = row;
        ids[next++] = examples.id(row);
      }
    }
    return new NegativeFlips(rows, ids);
  }

  /** Looks ids up for rows asked in ascending order (a slice's members), one step at a time. */
  Cursor cursor() {
    return new Cursor();
  }

  final class Cursor {
    private int at;

    /** The id of a negative flip at {@code row}, which is above every row asked before. */
    String idOf(int row) {
      while (rows[at] < row) {
        at++;
      }
      return ids[at];
    }
  }
}
