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

  static final String EXAMPLE_ROWS = "__flipgate_example_rows";
  static final String DEPLOYED_ROWS = "__flipgate_deployed_rows";
  static final String CANDIDATE_ROWS = "__flipgate_candidate_rows";

  /**
   * @param examples the examples with their id as text in {@link DistributedAnswers#ID}
   * @param deployed each predicted id once, with how many rows the file has for it ({@link #DEPLOYED_ROWS})
   * @param candidate likewise ({@link #CANDIDATE_ROWS})
   */
  static void check(ParquetSources sources, List<String> classes, Dataset<Row> examples, Dataset<Row> deployed,
      Dataset<Row> candidate) {
    Column label = col(sources.labelColumn());
    Row golden = examples.agg(count(when(col(ID).isNull().or(col(ID).equalTo("")), lit(1))),
        min(when(label.isNull().or(label.cast("string").isin(classes.toArray()).unary_$bang()), col(ID)))).first();
    if (golden.getLong(0) > 0) {
      throw Problem.at(sources.examples()).expected("a non-empty id in column '" + sources.idColumn() + "' of every row")
          .found(golden.getLong(0) + " rows without one").whatToDo("give every example a stable, unique id")
          .configurationError("missing example id");
    }
    // Every id of the three sources once, with how often each has it: one job finds every fault,
    // reported in the local engine's order.
    Dataset<Row> ids = examples.groupBy(col(ID)).agg(count(lit(1)).as(EXAMPLE_ROWS))
        .join(deployed.select(col(ID), col(DEPLOYED_ROWS), col(deployed.columns()[2]).as("d")), ID, "full_outer")
        .join(candidate.select(col(ID), col(CANDIDATE_ROWS), col(candidate.columns()[2]).as("c")), ID, "full_outer");
    Column inGoldenSet = col(EXAMPLE_ROWS).isNotNull();
    Row first = ids.agg(
        min(when(col(EXAMPLE_ROWS).gt(1), col(ID))),
        min(when(col(DEPLOYED_ROWS).gt(1), col(ID))),
        min(when(inGoldenSet.and(col(DEPLOYED_ROWS).isNull()), col(ID))),
        min(when(col(EXAMPLE_ROWS).isNull().and(col(DEPLOYED_ROWS).isNotNull()), col(ID))),
        min(when(col(DEPLOYED_ROWS).isNotNull().and(unknown(col("d"), classes)), col(ID))),
        min(when(col(CANDIDATE_ROWS).gt(1), col(ID))),
        min(when(inGoldenSet.and(col(CANDIDATE_ROWS).isNull()), col(ID))),
        min(when(col(EXAMPLE_ROWS).isNull().and(col(CANDIDATE_ROWS).isNotNull()), col(ID))),
        min(when(col(CANDIDATE_ROWS).isNotNull().and(unknown(col("c"), classes)), col(ID)))).first();
    present(first, 0).ifPresent(id -> {
      throw Problem.at(sources.examples()).example(id).expected("one row per example id").found("more than one")
          .whatToDo("remove the duplicate rows from the golden set").configurationError("duplicate example id");
    });
    present(golden, 1).ifPresent(id -> {
      throw Problem.at(sources.examples()).example(id).expected("a label among the classes " + classes)
          .found("another label").whatToDo("fix the label, or the manifest's classes").configurationError("unknown label");
    });
    checkPredictions(sources.deployed(), classes, first, 1);
    checkPredictions(sources.candidate(), classes, first, 5);
    for (var model : List.of(deployed, candidate)) {
      if (model.columns().length > 3) {
        checkScores(model == deployed ? sources.deployed() : sources.candidate(), classes, model, model.columns()[3]);
      }
    }
  }

  private static Column unknown(Column answer, List<String> classes) {
    return answer.isNull().or(answer.isin(classes.toArray()).unary_$bang());
  }

  /** @param at where this model's first duplicate, missing, stray and unknown answers are in {@code first} */
  private static void checkPredictions(String file, List<String> classes, Row first, int at) {
    present(first, at).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one prediction per id").found("more than one")
          .whatToDo("write each example's prediction once").modelFailure("duplicate prediction");
    });
    present(first, at + 1).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("a prediction for every example of the golden set").found("none")
          .whatToDo("predict every example; a gate with holes would let a regression pass unseen")
          .modelFailure("missing prediction");
    });
    present(first, at + 2).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("ids of the golden set's examples").found("an id it does not have")
          .whatToDo("check the predictions belong to this golden set").modelFailure("prediction for an unknown example");
    });
    present(first, at + 3).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("one of the classes " + classes).found("another answer")
          .whatToDo("check the model's class names against the manifest").modelFailure("unknown class");
    });
  }

  private static Optional<String> present(Row row, int at) {
    return row.isNullAt(at) ? Optional.empty() : Optional.of(row.getString(at));
  }

  /**
   * Class probabilities as the local reader takes them ({@link ClassScores#problemWith}): finite,
   * each within [0, 1], summing to 1 within its tolerance. The first offending id's scores are
   * brought to the driver to say what is wrong with them.
   */
  private static void checkScores(String file, List<String> classes, Dataset<Row> predictions, String scores) {
    Column nonFinite = exists(col(scores), x -> x.isNull().or(x.isNaN()).or(abs(x).equalTo(Double.POSITIVE_INFINITY)));
    firstOf(predictions.filter(nonFinite)).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("a finite score for every class").found(problemOf(predictions, scores,
              classes, id)).whatToDo("fix the model that wrote these predictions; a NaN is never an answer")
          .modelFailure("non-finite score");
    });
    Column sum = aggregate(col(scores), lit(0.0), (total, x) -> total.plus(x));
    Column unusable = exists(col(scores), x -> x.lt(0).or(x.gt(1)))
        .or(abs(sum.minus(1)).gt(ClassScores.SUM_TOLERANCE));
    firstOf(predictions.filter(unusable)).ifPresent(id -> {
      throw Problem.at(file).example(id).expected("class probabilities: each within [0, 1], summing to 1 within "
          + ClassScores.SUM_TOLERANCE).found(problemOf(predictions, scores, classes, id))
          .whatToDo("write probabilities (apply softmax to logits, exp to log-probabilities), not raw scores")
          .modelFailure("scores that are not probabilities");
    });
  }

  private static String problemOf(Dataset<Row> predictions, String scores, List<String> classes, String id) {
    List<?> values = predictions.filter(col(ID).equalTo(id)).select(col(scores)).first().getList(0);
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
