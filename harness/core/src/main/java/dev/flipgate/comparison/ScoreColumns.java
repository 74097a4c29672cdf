package dev.flipgate.comparison;

import dev.flipgate.model.AnswerColumns;
import dev.flipgate.model.Prediction;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One model's class scores over the whole golden set, a column a class, and each column's rows
 * in descending score order (ties in row order). Sorted once for the golden set, so a slice takes
 * its order by filtering rather than sorting again.
 */
final class ScoreColumns {
  private final double[][] scores;
  private final int rows;
  private final BitSet scored;
  private final int[][] descending;
  private final BitSet[] runStarts;
  private final BitSet[] labelledAlongOrder;

  /**
   * @param rows how many rows, from the first, are the golden set's examples (the columns may hold more)
   * @param label each example's label as a class index
   */
  private ScoreColumns(double[][] scores, int rows, BitSet scored, int[] label) {
    this.scores = scores;
    this.rows = rows;
    this.scored = scored;
    this.descending = IntStream.range(0, scores.length).parallel().mapToObj(c -> descending(scores[c], rows))
        .toArray(int[][]::new);
    this.runStarts = IntStream.range(0, scores.length).parallel().mapToObj(c -> runStarts(scores[c], descending[c]))
        .toArray(BitSet[]::new);
    this.labelledAlongOrder = IntStream.range(0, scores.length).parallel().mapToObj(c -> {
      BitSet labelled = new BitSet(rows);
      for (int place = 0; place < rows; place++) {
        if (label[descending[c][place]] == c) {
          labelled.set(place);
        }
      }
      return labelled;
    }).toArray(BitSet[]::new);
  }

  /** @param columns per class, the probability of it by row; {@code scored} the rows that have them */
  static ScoreColumns ofColumns(double[][] columns, BitSet scored, int[] label) {
    return new ScoreColumns(columns, label.length, scored, label);
  }

  /** @param rows per row, the probability of each class in the golden set's class order */
  static ScoreColumns of(double[][] rows, int classCount, int[] label) {
    double[][] columns = new double[classCount][rows.length];
    for (int row = 0; row < rows.length; row++) {
      for (int c = 0; c < classCount; c++) {
        columns[c][row] = rows[row][c];
      }
    }
    BitSet all = new BitSet(rows.length);
    all.set(0, rows.length);
    return new ScoreColumns(columns, rows.length, all, label);
  }

  /**
   * @param answers a model's answer by row; the first {@code rows} are the golden set's examples
   * @return the columns, or empty when no example has scores
   */
  static Optional<ScoreColumns> of(List<Prediction> answers, int rows, List<String> classes, int[] label) {
    int classCount = classes.size();
    if (answers instanceof AnswerColumns stored && stored.classes().equals(classes)) {
      // Stored answers are columns already: read in place.
      BitSet scored = stored.scoredRows().get(0, rows);
      return stored.scoreColumns().filter(columns -> !scored.isEmpty())
          .map(columns -> new ScoreColumns(columns, rows, scored, label));
    }
    double[][] columns = new double[classCount][rows];
    BitSet scored = new BitSet(rows);
    for (int row = 0; row < rows; row++) {
      var scores = answers.get(row).scores();
      if (scores.isPresent()) {
        double[] probabilities = scores.get().toArray();
        for (int c = 0; c < classCount; c++) {
          columns[c][row] = probabilities[c];
        }
        scored.set(row);
      }
    }
    return scored.isEmpty() ? Optional.empty() : Optional.of(new ScoreColumns(columns, rows, scored, label));
  }

  /** How many golden-set rows the columns cover. */
  int rowCount() {
    return rows;
  }

  int classCount() {
    return scores.length;
  }

  double score(int c, int row) {
    return scores[c][row];
  }

  /** Whether every row of {@code members} has scores: metrics over a part of a slice would mislead. */
  boolean coversAll(BitSet members) {
    BitSet unscored = (BitSet) members.clone();
    unscored.andNot(scored);
    return unscored.isEmpty();
  }

  /** Class {@code c}'s rows by descending score, ties in row order; rows without scores sort as 0. */
  int[] descending(int c) {
    return descending[c];
  }

  /**
   * The places of {@link #descending} where a run of equal scores begins: two rows tie exactly
   * when no run begins after the first of them up to the second. (A bit a place, not an int.)
   */
  BitSet runStarts(int c) {
    return runStarts[c];
  }

  /** The places of {@link #descending} whose example is labelled {@code c}: read in order, not by row. */
  BitSet labelledAlongOrder(int c) {
    return labelledAlongOrder[c];
  }

  private static BitSet runStarts(double[] column, int[] order) {
    BitSet starts = new BitSet(order.length);
    for (int place = 0; place < order.length; place++) {
      if (place == 0 || column[order[place]] != column[order[place - 1]]) {
        starts.set(place);
      }
    }
    return starts;
  }

  /**
   * A stable descending order without boxing: each row's key is its score as a float (whose bits
   * order non-negative numbers as they compare) above its row number, so one primitive sort of
   * longs puts rows in descending order of float score, ties in row order. Rows whose float scores
   * tie but whose double scores differ are then put in order among themselves.
   */
  private static int[] descending(double[] column, int n) {
    long[] keys = new long[n];
    for (int row = 0; row < n; row++) {
      long descendingFloat = Integer.MAX_VALUE - Float.floatToIntBits((float) column[row] + 0.0f);
      keys[row] = descendingFloat << 32 | row;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int place = 0; place < n; place++) {
      order[place] = (int) keys[place];
    }
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && keys[end] >>> 32 == keys[start] >>> 32) {
        end++;
      }
      if (end - start > 1) {
        orderByDoubleScore(column, order, start, end);
      }
      start = end;
    }
    return order;
  }

  /** Rows {@code order[start, end)} share a float score: orders them by double score, descending, stably. */
  private static void orderByDoubleScore(double[] column, int[] order, int start, int end) {
    for (int place = start + 1; place < end; place++) {
      if (column[order[place]] != column[order[start]]) {
        Integer[] rows = IntStream.range(start, end).mapToObj(p -> order[p]).toArray(Integer[]::new);
        Arrays.sort(rows, (a, b) -> Double.compare(column[b] + 0.0, column[a] + 0.0));
        for (int p = start; p < end; p++) {
          order[p] = rows[p - start];
        }
        return;
      }
    }
  }
}
