package dev.flipgate.model.predictions;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.model.AnswerColumns;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the rows of a predictions file, whatever its format, and checks each one: a unique
 * id, a label among the classes, finite scores. Faults are model failures (exit 3): the
 * predictions stand in for a model that answered badly.
 */
final class PredictionRows {
  private final Path file;
  private final List<String> classes;
  private final boolean numeric;
  private final ExampleIndex examples;
  private final boolean rowNumbers;
  /** A regression's answers by row in {@link #examples}; null until a row is read (and for classes). */
  private final Prediction[] numericByRow;
  /** A classification's answers by row, as columns; null for a regression. */
  private final AnswerColumns.Builder columns;
  private final java.util.BitSet answered;
  /** The line each example's answer came from; 0 until read. */
  private final int[] lineOfRow;
  /** Ids the run does not know, with their lines in file order: a fault reported once the file is read. */
  private final Map<String, Long> unknownLines = new LinkedHashMap<>();
  /** The row of the previous answer read: files in the examples' order join without hashing. */
  private int lastRow = -1;
  /** Each class's index. */
  private final Map<String, Integer> classIndex = new java.util.HashMap<>();

  /**
   * @param numeric whether predictions are numbers (a regression task) rather than classes
   * @param examples every example id the answers are for
   */
  PredictionRows(Path file, List<String> classes, boolean numeric, ExampleIndex examples) {
    this(file, classes, numeric, examples, false);
  }

  /** @param rowNumbers whether positions are rows of a columnar file (Parquet) rather than lines */
  PredictionRows(Path file, List<String> classes, boolean numeric, ExampleIndex examples, boolean rowNumbers) {
    this.file = file;
    this.rowNumbers = rowNumbers;
    this.classes = List.copyOf(classes);
    this.numeric = numeric;
    this.examples = examples;
    this.numericByRow = numeric ? new Prediction[examples.size()] : null;
    this.columns = numeric ? null : new AnswerColumns.Builder(classes, examples.size());
    this.answered = new java.util.BitSet(examples.size());
    this.lineOfRow = new int[examples.size()];
    for (int c = 0; c < classes.size(); c++) {
      classIndex.put(classes.get(c), c);
    }
  }

  List<String> classes() {
    return classes;
  }

  /** {@code scores} in class order, or empty when the file has none. */
  void add(long line, String id, String label, Optional<double[]> scores) {
    if (id == null || id.isEmpty()) {
      throw at(line).expected("an example id").found("none").whatToDo("give every row the id of its example")
          .modelFailure("prediction without an id");
    }
    int row = examples.rowOf(id, lastRow + 1);
    lastRow = row;
    Long earlier = row < 0 ? unknownLines.putIfAbsent(id, line) : lineOfRow[row] == 0 ? null : (Long) (long) lineOfRow[row];
    if (row >= 0) {
      // Only a duplicate's message reads it back; past line 2^31 - 1 it names that line.
      lineOfRow[row] = (int) Math.min(line, Integer.MAX_VALUE);
    }
    if (earlier != null) {
      throw at(line).example(id).expected("one prediction per example").found("another on " + (rowNumbers ? "row " : "line ") + earlier)
          .whatToDo("remove the duplicate row").modelFailure("duplicate prediction");
    }
    if (numeric) {
      if (label == null || !isFinite(label) || scores.isPresent()) {
        throw at(line).example(id).expected("a finite numeric prediction (a regression task), without class scores")
            .found(label == null ? "none" : "'" + label + "'" + (scores.isPresent() ? " with scores" : ""))
            .whatToDo("write the predicted value; NaN is never an answer").modelFailure("invalid numeric prediction");
      }
      if (row >= 0) {
        numericByRow[row] = Prediction.of(label);
        answered.set(row);
      }
      return;
    }
    Integer code = label == null ? null : classIndex.get(label);
    if (code == null) {
      throw at(line).example(id).expected("a prediction among the classes " + classes)
          .found(label == null ? "none" : "'" + label + "'").whatToDo("fix the predicted label, or the golden set's classes")
          .modelFailure("predicted label is not a class");
    }
    if (scores.isPresent()) {
      double[] values = scores.get();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw at(line).example(id).expected("a finite score for class '" + classes.get(i) + "'")
              .found(String.valueOf(values[i])).whatToDo("fix the model that wrote these predictions; a NaN is never an answer")
              .modelFailure("non-finite score");
        }
      }
      Optional<String> problem = ClassScores.problemWith(classes, values);
      if (problem.isPresent()) {
        throw at(line).example(id).expected("class probabilities: each within [0, 1], summing to 1 within "
            + ClassScores.SUM_TOLERANCE).found(problem.get())
            .whatToDo("write probabilities (apply softmax to logits, exp to log-probabilities), not raw scores")
            .modelFailure("scores that are not probabilities");
      }
    }
    if (row >= 0) {
      columns.answer(row, code);
      scores.ifPresent(values -> columns.scores(row, values));
      answered.set(row);
    }
  }

  /**
   * Takes one answer per example, in row order, from a reader that has checked each against its
   * example's id and the classes (see {@link InOrderPredictionsCsv}); on line {@code row + 2}.
   */
  void answerInOrder(int[] classIndexOfRow) {
    if (numeric || classIndexOfRow.length != examples.size() || !answered.isEmpty()) {
      throw new IllegalStateException("answers in order are for a fresh classification's every example");
    }
    for (int row = 0; row < classIndexOfRow.length; row++) {
      columns.answer(row, classIndexOfRow[row]);
      lineOfRow[row] = (int) Math.min(row + 2L, Integer.MAX_VALUE);
    }
    answered.set(0, classIndexOfRow.length);
  }

  private static boolean isFinite(String text) {
    return CsvNumbers.isFinite(text);
  }

  /** The file's header: line 1 of a text file; a Parquet file's schema has no position. */
  Problem.Builder atHeader() {
    return rowNumbers ? Problem.at(file) : Problem.at(file).line(1);
  }

  /** Whether answers are numbers (a regression) rather than classes. */
  boolean numeric() {
    return numeric;
  }

  boolean rowNumbers() {
    return rowNumbers;
  }

  /** The file at a position: a line, or a row of a Parquet file. */
  Problem.Builder at(long position) {
    return rowNumbers ? Problem.at(file).row(position) : Problem.at(file).line(position);
  }

  ExampleIndex examples() {
    return examples;
  }

  /** Every example's answer by its row (null for an example the file did not answer), read whole. */
  List<Prediction> answers() {
    return numeric ? java.util.Arrays.asList(numericByRow) : columns.build();
  }

  /** Whether the file answered the example at {@code row}. */
  boolean answered(int row) {
    return answered.get(row);
  }

  Map<String, Long> unknownLines() {
    return unknownLines;
  }
}
