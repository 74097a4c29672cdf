package dev.flipgate.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.flipgate.goldenset.SliceDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Computes a classification gate's per-slice aggregates on the executors: the examples and both
 * models' predictions are read as Parquet, checked ({@link InputChecks}) and joined by id there;
 * each row's (label, deployed, candidate) cell is counted once per slice it belongs to by a
 * group-by over (slice, cell), so only S·k³ counts and the capped flip ids reach the driver.
 */
public final class DistributedAnswers {
  private DistributedAnswers() {}

  /**
   * @param tagsColumn the examples' tags column, or null when the golden set has none
   * @param cap how many negative-flip ids to keep per slice (the counts are always exact)
   */
  public static SliceAggregates compute(SparkSession spark, ParquetSources sources, List<String> classes,
      List<SliceDefinition> slices, String tagsColumn, int cap) {
    Dataset<Row> examples = spark.read().parquet(sources.examples())
        .withColumnRenamed(sources.idColumn(), "id").withColumnRenamed(sources.labelColumn(), "label");
    Dataset<Row> deployed = predictions(spark, sources.deployed(), "deployed");
    Dataset<Row> candidate = predictions(spark, sources.candidate(), "candidate");
    InputChecks.check(sources, classes, examples, deployed, candidate);

    int k = classes.size();
    Column classArray = array(classes.stream().map(c -> lit(c)).toArray(Column[]::new));
    // array_position is 1-based; the checks above guarantee every value is a known class.
    Column labelCode = array_position(classArray, col("label").cast("string")).minus(1);
    Column deployedCode = array_position(classArray, col("deployed")).minus(1);
    Column candidateCode = array_position(classArray, col("candidate")).minus(1);
    Column[] memberOf = new Column[slices.size()];
    for (int s = 0; s < slices.size(); s++) {
      memberOf[s] = when(SliceColumns.membership(slices.get(s).predicate(), tagsColumn), lit(s));
    }
    Dataset<Row> rows = examples.join(deployed, "id").join(candidate, "id")
        .select(col("id"), labelCode.cast("int").as("l"), deployedCode.cast("int").as("d"), candidateCode.cast("int").as("c"),
            explode(filter(array(memberOf), slice -> slice.isNotNull())).as("slice"));

    long[][] cells = new long[slices.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    Column cell = col("l").multiply(k).plus(col("d")).multiply(k).plus(col("c"));
    for (Row row : rows.groupBy(col("slice"), cell.as("cell")).agg(count(lit(1)).as("n")).collectAsList()) {
      cells[row.getInt(0)][row.getInt(1)] = row.getLong(2);
    }

    List<List<String>> flips = new ArrayList<>();
    slices.forEach(slice -> flips.add(new ArrayList<>()));
    var firstIds = Window.partitionBy("slice").orderBy("id");
    Dataset<Row> negative = rows.filter(col("d").equalTo(col("l")).and(col("c").notEqual(col("l"))))
        .withColumn("rank", row_number().over(firstIds)).filter(col("rank").leq(cap))
        .select(col("slice"), col("id").cast("string"), col("rank"));
    for (Row row : negative.collectAsList()) {
      flips.get(row.getInt(0)).add(row.getString(1));
    }
    flips.forEach(ids -> ids.sort(null));
    return new SliceAggregates(slices.stream().map(SliceDefinition::name).toList(), k, cells, flips, cap);
  }

  private static Dataset<Row> predictions(SparkSession spark, String path, String model) {
    return spark.read().parquet(path).select(col("id"), col("prediction").cast("string").as(model));
  }
}
