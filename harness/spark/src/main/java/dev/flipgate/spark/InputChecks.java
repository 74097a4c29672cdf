package dev.flipgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static dev.flipgate.spark.DistributedAnswers.ID;

import dev.flipgate.failure.Problem;
import dev.flipgate.model.ClassScores;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks the local engine makes before it compares, made on the executors: every example id
 * once, every prediction id once, a prediction for every example and none for an id the golden
 * set lacks, and only known classes. Each failure names the file and the first offending id (in
 * id order, so the message does not depend on the partitioning); a model's bad answers fail the
 * run as model failures (exit 3), a golden set's as configuration errors (exit 2). Never a verdict.
 */
final class InputChecks {
  private InputChecks() {}

  private static final String EXAMPLE_ROWS = "__flipgate_example_rows";

  /**
   * @param examples the examples with their id as text in {@link DistributedAnswers#ID}
   * @param deployed the deployed model's answers: id, answer[, class probabilities]
   * @param candidate the candidate's, likewise
   */
  /** The golden set's own faults: an example without an id, an id twice, a label that is no class (exit 2). */
  static void checkExamples(ParquetSources sources, List<String> classes, Dataset<Row> examples) {
    Column label = col(sources.labelColumn());
    Row golden = examples.agg(count(when(col(ID).isNull().or(col(ID).equalTo("")), lit(1))),
        min(when(label.isNull().or(label.cast("string").isin(classes.toArray()).unary_$bang()), col(ID)))).first();
    if (golden.getLong(0) > 0) {
      throw Problem.at(sources.examples()).expected("a non-empty id in column '" + sources.idColumn() + "' of every row")
          .found(golden.getLong(0) + " rows without one").whatToDo("give every example a stable, unique id")
          .configurationError("missing example id");
    }
    firstOf(rowsById(examples, EXAMPLE_ROWS).filter(col(EXAMPLE_ROWS).gt(1))).ifPresent(id -> {
      throw Problem.at(sources.examples()).example(id).expected("one row per example id").found("more than one")
          .whatToDo("remove the duplicate rows from the golden set").configurationError("duplicate example id");
    });
    present(golden, 1).ifPresent(id -> {
      throw Problem.at(sources.examples()).example(id).expected("a label among the classes " + classes)
          .found("another label").whatToDo("fix the label, or the manifest's classes").configurationError("unknown label");
    });
  }

  /** A model's answer for an id twice (exit 3): found with a count of each id, before the rows are joined. */
  static void checkDuplicates(String file, Dataset<Row> predictions) {
    firstOf(rowsById(predictions, "__flipgate_rows").filter(col("__flipgate_rows").gt(1))).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one prediction per id").found("more than one")
          .whatToDo("write each example's prediction once").modelFailure("duplicate prediction");
    });
  }

  /**
   * The models' other faults (exit 3), all found in one pass over the examples joined (full outer)
   * with both models' answers: an example not answered, an answer for an id the golden set lacks,
   * an answer that is no class, and class probabilities the local reader would refuse
   * ({@link ClassScores#problemWith}: finite, each within [0, 1], summing to 1 within its tolerance).
   *
   * @param inGoldenSet whether a joined row has an example (the models' {@link Answers} say whether it has their answer)
   */
  static void checkJoined(ParquetSources sources, List<String> classes, Dataset<Row> joined, Column inGoldenSet,
      Answers deployed, Answers candidate) {
    Column[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(faults(classes, inGoldenSet, deployed)),
        java.util.Arrays.stream(faults(classes, inGoldenSet, candidate))).toArray(Column[]::new);
    Row first = joined.agg(all[0], java.util.Arrays.copyOfRange(all, 1, all.length)).first();
    report(sources.deployed(), classes, first, 0, deployed);
    report(sources.candidate(), classes, first, 5, candidate);
  }

  /** A model's answers in the joined rows: whether a row has one, its answer, its class probabilities (or null). */
  record Answers(Dataset<Row> predictions, Column answered, Column answer, Column scores) {}

  private static Column[] faults(List<String> classes, Column inGoldenSet, Answers model) {
    Column answer = model.answer();
    Column scores = model.scores();
    Column nonFinite = scores == null ? lit(false)
        : exists(scores, x -> x.isNull().or(x.isNaN()).or(abs(x).equalTo(Double.POSITIVE_INFINITY)));
    Column unusable = scores == null ? lit(false) : exists(scores, x -> x.lt(0).or(x.gt(1)))
        .or(abs(aggregate(scores, lit(0.0), (total, x) -> total.plus(x)).minus(1)).gt(ClassScores.SUM_TOLERANCE));
    Column both = inGoldenSet.and(model.answered());
    return new Column[] {
      min(when(inGoldenSet.and(model.answered().unary_$bang()), col(ID))),
      min(when(inGoldenSet.unary_$bang().and(model.answered()), col(ID))),
      min(when(both.and(answer.isNull().or(answer.isin(classes.toArray()).unary_$bang())), col(ID))),
      min(when(both.and(nonFinite), col(ID))),
      min(when(both.and(unusable), col(ID)))};
  }

  private static void report(String file, List<String> classes, Row first, int at, Answers model) {
    present(first, at).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("a prediction for every example of the golden set").found("none")
          .whatToDo("predict every example; a gate with holes would let a regression pass unseen")
          .modelFailure("missing prediction");
    });
    present(first, at + 1).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("ids of the golden set's examples").found("an id it does not have")
          .whatToDo("check the predictions belong to this golden set").modelFailure("prediction for an unknown example");
    });
    present(first, at + 2).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one of the classes " + classes).found("another answer")
          .whatToDo("check the model's class names against the manifest").modelFailure("unknown class");
    });
    present(first, at + 3).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("a finite score for every class")
          .found(problemOf(model, classes, id))
          .whatToDo("fix the model that wrote these predictions; a NaN is never an answer").modelFailure("non-finite score");
    });
    present(first, at + 4).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("class probabilities: each within [0, 1], summing to 1 within "
          + ClassScores.SUM_TOLERANCE).found(problemOf(model, classes, id))
          .whatToDo("write probabilities (apply softmax to logits, exp to log-probabilities), not raw scores")
          .modelFailure("scores that are not probabilities");
    });
  }

  private static Dataset<Row> rowsById(Dataset<Row> rows, String count) {
    return rows.groupBy(col(ID)).agg(count(lit(1)).as(count));
  }

  private static Optional<String> present(Row row, int at) {
    return row.isNullAt(at) ? Optional.empty() : Optional.of(row.getString(at));
  }

  private static String problemOf(Answers model, List<String> classes, String id) {
    Dataset<Row> predictions = model.predictions();
    List<?> values = predictions.filter(col(ID).equalTo(id)).select(col(predictions.columns()[2])).first().getList(0);
    double[] probabilities = values.stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
    return ClassScores.problemWith(classes, probabilities).orElse(java.util.Arrays.toString(probabilities));
  }

  /** A range slice's column must hold numbers: a value that is none would silently leave the slice. */
  static void checkRanges(String file, Dataset<Row> examples, List<dev.flipgate.goldenset.SliceDefinition> slices) {
    for (var slice : slices) {
      if (slice.predicate() instanceof dev.flipgate.goldenset.SlicePredicate.ColumnRange range) {
        Column value = col(range.columnName());
        Column numeric = value.try_cast("double");
        firstOf(examples.filter(value.isNull().or(numeric.isNull()).or(numeric.isNaN())
            .or(abs(numeric).equalTo(Double.POSITIVE_INFINITY)))).ifPresent(id -> {
              throw Problem.at(file).example(id)
                  .expected("a number in column '" + range.columnName() + "' (slice '" + slice.name() + "' is a numeric range)")
                  .found("another value").whatToDo("fix the value or slice with 'equals' or 'in'")
                  .configurationError("non-numeric value in a range slice's column");
            });
      }
    }
  }

  /** The smallest id of {@code rows}, if there are any. */
  private static Optional<String> firstOf(Dataset<Row> rows) {
    Row first = rows.agg(min(col(ID).cast("string"))).first();
    return first.isNullAt(0) ? Optional.empty() : Optional.of(first.getString(0));
  }
}
