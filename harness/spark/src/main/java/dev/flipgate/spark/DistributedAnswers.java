package dev.flipgate.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.SliceDefinition;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A classification golden set's examples joined by id with both models' answers on the executors,
 * after the local engine's input checks ({@link InputChecks}). What reaches the driver is small:
 * per slice the count of every (label, deployed answer, candidate answer) cell — S·k³ numbers
 * that sum over any partitioning, so partitions merge — and the excerpt of rows the reports and
 * rules name (the flips, the critical and the waived examples).
 */
public final class DistributedAnswers {
  static final String ID = "__flipgate_id";
  private static final String LABEL = "__flipgate_l";
  private static final String DEPLOYED = "__flipgate_deployed";
  private static final String CANDIDATE = "__flipgate_candidate";

  private final Dataset<Row> examples;
  private final Dataset<Row> joined;
  private final int classCount;

  private DistributedAnswers(Dataset<Row> examples, Dataset<Row> joined, int classCount) {
    this.examples = examples;
    this.joined = joined;
    this.classCount = classCount;
  }

  /** Reads and checks the sources; fails as the local engine would on a bad id, label or answer. */
  public static DistributedAnswers read(SparkSession spark, ParquetSources sources, List<String> classes) {
    Dataset<Row> examples = spark.read().parquet(sources.examples())
        .withColumn(ID, col(sources.idColumn()).cast("string"));
    Dataset<Row> deployed = predictions(spark, sources.deployed(), DEPLOYED);
    Dataset<Row> candidate = predictions(spark, sources.candidate(), CANDIDATE);
    InputChecks.check(sources, classes, examples, deployed, candidate);
    Column classArray = array(classes.stream().map(c -> lit(c)).toArray(Column[]::new));
    // array_position is 1-based; the checks above guarantee every value is a known class.
    Dataset<Row> joined = examples.join(deployed, ID).join(candidate, ID)
        .withColumn(LABEL, array_position(classArray, col(sources.labelColumn()).cast("string")).minus(1).cast("int"))
        .withColumn("__flipgate_d", array_position(classArray, col(DEPLOYED)).minus(1).cast("int"))
        .withColumn("__flipgate_c", array_position(classArray, col(CANDIDATE)).minus(1).cast("int"));
    return new DistributedAnswers(examples, joined, classes.size());
  }

  /** Fails, naming the file and the first id, when a range slice's column holds a value that is not a number. */
  public void checkRanges(String file, List<SliceDefinition> slices) {
    InputChecks.checkRanges(file, examples, slices);
  }

  /**
   * Per slice, in the order given, the count of every cell at {@code (label·k + deployed)·k +
   * candidate}: one group-by over (slice, cell), each row counted once per slice it belongs to.
   *
   * @param tagsColumn the examples' tags column, or null when the golden set has none
   */
  public long[][] cells(List<SliceDefinition> slices, String tagsColumn) {
    int k = classCount;
    Column[] memberOf = new Column[slices.size()];
    for (int s = 0; s < slices.size(); s++) {
      memberOf[s] = when(SliceColumns.membership(slices.get(s).predicate(), tagsColumn), lit(s));
    }
    Column cell = col(LABEL).multiply(k).plus(col("__flipgate_d")).multiply(k).plus(col("__flipgate_c"));
    Dataset<Row> counted = joined.select(cell.as("cell"), explode(filter(array(memberOf), s -> s.isNotNull())).as("slice"))
        .groupBy(col("slice"), col("cell")).agg(count(lit(1)).as("n"));
    long[][] cells = new long[slices.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    for (Row row : counted.collectAsList()) {
      cells[row.getInt(0)][row.getInt(1)] = row.getLong(2);
    }
    return cells;
  }

  /**
   * The rows of the flips (one model right, the other wrong) and of the examples with these ids,
   * in id order: every column of the examples as text (a null as empty, as the local reader reads
   * it), then the deployed and the candidate answer.
   */
  public Excerpt excerpt(Collection<String> ids, boolean flips) {
    Column right = col("__flipgate_d").equalTo(col(LABEL));
    Column flip = right.notEqual(col("__flipgate_c").equalTo(col(LABEL)));
    Column wanted = col(ID).isin(ids.toArray());
    List<String> columns = List.of(examples.columns()).stream().filter(c -> !c.equals(ID)).toList();
    Column[] asText = columns.stream()
        .map(c -> org.apache.spark.sql.functions.coalesce(col(c).cast("string"), lit("")).as(c)).toArray(Column[]::new);
    Column[] selected = java.util.stream.Stream.concat(java.util.Arrays.stream(asText),
        java.util.stream.Stream.of(col(DEPLOYED), col(CANDIDATE))).toArray(Column[]::new);
    List<Row> rows = joined.filter(flips ? flip.or(wanted) : wanted).orderBy(col(ID)).select(selected).collectAsList();
    return new Excerpt(columns, rows);
  }

  /** @param columns the examples' columns; each row holds them, then the deployed and the candidate answer */
  public record Excerpt(List<String> columns, List<Row> rows) {}

  private static Dataset<Row> predictions(SparkSession spark, String path, String model) {
    Dataset<Row> file = spark.read().parquet(path);
    List<String> columns = List.of(file.columns());
    if (!columns.contains("id") || !columns.contains("prediction")) {
      throw Problem.at(path).expected("the columns id and prediction").found("columns " + columns)
          .whatToDo("write the model's answers with columns id, prediction").modelFailure("missing column");
    }
    if (columns.stream().anyMatch(c -> c.startsWith("score_"))) {
      // Score metrics from binned curves are not built on this engine yet; ignoring the scores would
      // make a result the local engine would not.
      throw Problem.at(path).expected("answers without class scores, on the Spark engine")
          .found("score columns " + columns.stream().filter(c -> c.startsWith("score_")).toList())
          .whatToDo("gate scored predictions with the local engine (leave out --engine), or drop the score columns")
          .configurationError("class scores are not gated on the Spark engine yet");
    }
    return file.select(col("id").cast("string").as(ID), col("prediction").cast("string").as(model));
  }
}
