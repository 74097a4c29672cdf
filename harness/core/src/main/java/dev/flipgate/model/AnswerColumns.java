package dev.flipgate.model;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A model's answers to a golden set's rows held as columns — a class code a row and, for a model
 * that scored, a column of probabilities a class — and read as a list of {@link Prediction}s
 * made on demand. A million stored answers are then a few arrays, not a million objects, and the
 * comparison reads the columns themselves. Null where a row has no answer.
 */
public final class AnswerColumns extends AbstractList<Prediction> implements RandomAccess {
  private final List<String> classes;
  private final int[] code;
  private final double[][] scores;
  private final BitSet scored;
  private final Prediction[] labelOnly;

  private AnswerColumns(List<String> classes, int[] code, double[][] scores, BitSet scored) {
    this.classes = classes;
    this.code = code;
    this.scores = scores;
    this.scored = scored;
    this.labelOnly = classes.stream().map(Prediction::of).toArray(Prediction[]::new);
  }

  /** Fills the columns row by row; {@link #build} hands them over. */
  public static final class Builder {
    private final List<String> classes;
    private final int[] code;
    private final BitSet scored;
    private double[][] scores;

    public Builder(List<String> classes, int rows) {
      this.classes = List.copyOf(classes);
      this.code = new int[rows];
      java.util.Arrays.fill(code, -1);
      this.scored = new BitSet(rows);
    }

    /** @param classIndex the answer's index in the classes */
    public void answer(int row, int classIndex) {
      code[row] = classIndex;
    }

    /** @param probabilities the row's score of each class, in class order (checked by the caller) */
    public void scores(int row, double[] probabilities) {
      if (scores == null) {
        scores = new double[classes.size()][code.length];
      }
      for (int c = 0; c < probabilities.length; c++) {
        scores[c][row] = probabilities[c];
      }
      scored.set(row);
    }

    public AnswerColumns build() {
      return new AnswerColumns(classes, code, scores, scored);
    }
  }

  @Override
  public Prediction get(int row) {
    int answer = code[row];
    if (answer < 0) {
      return null;
    }
    if (!scored.get(row)) {
      return labelOnly[answer];
    }
    double[] probabilities = new double[classes.size()];
    for (int c = 0; c < probabilities.length; c++) {
      probabilities[c] = scores[c][row];
    }
    return new Prediction(classes.get(answer), Optional.of(new ClassScores(classes, probabilities)));
  }

  @Override
  public int size() {
    return code.length;
  }

  public List<String> classes() {
    return classes;
  }

  /** The row's answer as an index in {@link #classes}, or -1 without one. */
  public int code(int row) {
    return code[row];
  }

  /**
   * The score columns ({@code [class][row]}, 0 where a row has none), shared, not copied: the
   * caller reads them and never writes. Empty when no row has scores.
   */
  public Optional<double[][]> scoreColumns() {
    return Optional.ofNullable(scores);
  }

  /** The rows that have scores (a copy). */
  public BitSet scoredRows() {
    return (BitSet) scored.clone();
  }
}
