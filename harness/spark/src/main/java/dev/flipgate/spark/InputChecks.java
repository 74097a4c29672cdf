package dev.flipgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static dev.flipgate.spark.DistributedAnswers.ID;

import dev.flipgate.failure.Problem;
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

  static void check(ParquetSources sources, List<String> classes, Dataset<Row> examples, Dataset<Row> deployed,
      Dataset<Row> candidate) {
    if (!examples.filter(col(ID).isNull().or(col(ID).equalTo(""))).isEmpty()) {
      throw Problem.at(sources.examples()).expected("a non-empty id in column '" + sources.idColumn() + "' of every row")
          .found("a row without one").whatToDo("give every example a stable, unique id")
          .configurationError("missing example id");
    }
    firstDuplicate(examples).ifPresent(id -> {
      throw Problem.at(sources.examples()).example(id).expected("one row per example id").found("more than one")
          .whatToDo("remove the duplicate rows from the golden set").configurationError("duplicate example id");
    });
    firstOf(examples.filter(col(sources.labelColumn()).isNull().or(col(sources.labelColumn()).cast("string").isin(classes.toArray()).unary_$bang())))
        .ifPresent(id -> {
          throw Problem.at(sources.examples()).example(id).expected("a label among the classes " + classes)
              .found("another label").whatToDo("fix the label, or the manifest's classes")
              .configurationError("unknown label");
        });
    checkPredictions(sources.deployed(), deployed.columns()[1], classes, examples, deployed);
    checkPredictions(sources.candidate(), candidate.columns()[1], classes, examples, candidate);
  }

  /** @param answer the predictions' column of answers (the other is the id) */
  private static void checkPredictions(String file, String answer, List<String> classes, Dataset<Row> examples,
      Dataset<Row> predictions) {
    firstDuplicate(predictions).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one prediction per id").found("more than one")
          .whatToDo("write each example's prediction once").modelFailure("duplicate prediction");
    });
    firstOf(examples.join(predictions, examples.col(ID).equalTo(predictions.col(ID)), "left_anti")).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("a prediction for every example of the golden set").found("none")
          .whatToDo("predict every example; a gate with holes would let a regression pass unseen")
          .modelFailure("missing prediction");
    });
    firstOf(predictions.join(examples, predictions.col(ID).equalTo(examples.col(ID)), "left_anti")).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("ids of the golden set's examples").found("an id it does not have")
          .whatToDo("check the predictions belong to this golden set").modelFailure("prediction for an unknown example");
    });
    firstOf(predictions.filter(col(answer).isNull().or(col(answer).isin(classes.toArray()).unary_$bang()))).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one of the classes " + classes).found("another answer")
          .whatToDo("check the model's class names against the manifest").modelFailure("unknown class");
    });
  }

  /** A range slice's column must hold numbers: a value that is none would silently leave the slice. */
  static void checkRanges(String file, Dataset<Row> examples, List<dev.flipgate.goldenset.SliceDefinition> slices) {
    for (var slice : slices) {
      if (slice.predicate() instanceof dev.flipgate.goldenset.SlicePredicate.ColumnRange range) {
        Column value = col(range.columnName());
        Column numeric = value.try_cast("double");
        firstOf(examples.filter(value.isNull().or(numeric.isNull()).or(numeric.isNaN())
            .or(org.apache.spark.sql.functions.abs(numeric).equalTo(Double.POSITIVE_INFINITY)))).ifPresent(id -> {
              throw Problem.at(file).example(id)
                  .expected("a number in column '" + range.columnName() + "' (slice '" + slice.name() + "' is a numeric range)")
                  .found("another value").whatToDo("fix the value or slice with 'equals' or 'in'")
                  .configurationError("non-numeric value in a range slice's column");
            });
      }
    }
  }

  private static Optional<String> firstDuplicate(Dataset<Row> rows) {
    return firstOf(rows.groupBy(col(ID)).agg(count(lit(1)).as("n")).filter(col("n").gt(1)));
  }

  /** The smallest id of {@code rows}, if there are any. */
  private static Optional<String> firstOf(Dataset<Row> rows) {
    Row first = rows.agg(min(col(ID).cast("string"))).first();
    return first.isNullAt(0) ? Optional.empty() : Optional.of(first.getString(0));
  }
}
