package dev.flipgate.comparison;

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
  private final BitSet scored;
  private final int[][] descending;
  private final int[][] runs;

  private ScoreColumns(double[][] scores, BitSet scored) {
    this.scores = scores;
    this.scored = scored;
    int[][][] sorted = IntStream.range(0, scores.length).parallel().mapToObj(c -> descending(scores[c]))
        .toArray(int[][][]::new);
    this.descending = Arrays.stream(sorted).map(orderAndRuns -> orderAndRuns[0]).toArray(int[][]::new);
    this.runs = Arrays.stream(sorted).map(orderAndRuns -> orderAndRuns[1]).toArray(int[][]::new);
  }

  /** @param rows per row, the probability of each class in the golden set's class order */
  static ScoreColumns of(double[][] rows, int classCount) {
    double[][] columns = new double[classCount][rows.length];
    for (int row = 0; row < rows.length; row++) {
      for (int c = 0; c < classCount; c++) {
        columns[c][row] = rows[row][c];
      }
    }
    BitSet all = new BitSet(rows.length);
    all.set(0, rows.length);
    return new ScoreColumns(columns, all);
  }

  /**
   * @param answers a model's answer by row; the first {@code rows} are the golden set's examples
   * @return the columns, or empty when no example has scores
   */
  static Optional<ScoreColumns> of(List<Prediction> answers, int rows, int classCount) {
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
    return scored.isEmpty() ? Optional.empty() : Optional.of(new ScoreColumns(columns, scored));
  }

  /** How many golden-set rows the columns cover (every class has at least two: a task has two classes). */
  int rowCount() {
    return scores[0].length;
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
   * For each place of {@link #descending}, which run of equal scores it is in (0 for the highest
   * score, then 1, …): two rows tie exactly when their runs are equal.
   */
  int[] runs(int c) {
    return runs[c];
  }

  /**
   * A stable descending order without boxing: each row's key is its score as a float (whose bits
   * order non-negative numbers as they compare) above its row number, so one primitive sort of
   * longs puts rows in descending order of float score, ties in row order. Rows whose float scores
   * tie but whose double scores differ are then put in order among themselves. Returns the order
   * and, for each place in it, the run of equal (double) scores it belongs to.
   */
  private static int[][] descending(double[] column) {
    int n = column.length;
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
    int[] runOfPlace = new int[n];
    int run = 0;
    for (int place = 1; place < n; place++) {
      if (column[order[place]] != column[order[place - 1]]) {
        run++;
      }
      runOfPlace[place] = run;
    }
    return new int[][] {order, runOfPlace};
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
