package dev.flipgate.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.SliceDefinition;
import dev.flipgate.comparison.BinnedScores;
import dev.flipgate.comparison.ScoredExamples;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

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

  static final String DEPLOYED_SCORES = "__flipgate_deployed_scores";
  static final String CANDIDATE_SCORES = "__flipgate_candidate_scores";

  private final Dataset<Row> examples;
  private final Dataset<Row> joined;
  private final List<Dataset<Row>> cached;
  private final List<String> classes;
  private final boolean deployedScored;
  private final boolean candidateScored;

  private DistributedAnswers(Dataset<Row> examples, Dataset<Row> joined, List<String> classes, boolean deployedScored,
      boolean candidateScored, List<Dataset<Row>> cached) {
    this.cached = cached;
    this.examples = examples;
    this.joined = joined;
    this.classes = List.copyOf(classes);
    this.deployedScored = deployedScored;
    this.candidateScored = candidateScored;
  }

  /** Frees the executors' cached rows; a session that goes on (a notebook's, a test's) gets its memory back. */
  public void release() {
    cached.forEach(Dataset::unpersist);
  }

  /** Whether either model gave class scores (then score metrics need {@link #scored}). */
  public boolean scored() {
    return deployedScored || candidateScored;
  }

  /**
   * The golden set's examples, with their id as text in {@link #ID}, checked (a missing or repeated
   * id, a label that is no class) and cached: every later pass reads them from the executors' memory.
   */
  public static Dataset<Row> examples(SparkSession spark, ParquetSources sources, List<String> classes) {
    Dataset<Row> examples = spark.read().parquet(sources.examples())
        .withColumn(ID, col(sources.idColumn()).cast("string")).persist(StorageLevel.MEMORY_AND_DISK());
    InputChecks.checkExamples(sources, classes, examples);
    return examples;
  }

  /** The examples with these ids, in id order: every column as text (a null as empty, as the local reader reads it). */
  public static Excerpt rowsOf(Dataset<Row> examples, Collection<String> ids) {
    List<String> columns = List.of(examples.columns()).stream().filter(c -> !c.equals(ID)).toList();
    return new Excerpt(columns, examples.filter(col(ID).isin(ids.toArray())).orderBy(col(ID)).select(asText(columns))
        .collectAsList());
  }

  /** A predictions file's rows: id, prediction[, score_&lt;class&gt;…]. */
  public static Dataset<Row> stored(SparkSession spark, String path) {
    return spark.read().parquet(path);
  }

  /**
   * Both models' answers checked (as the local engine checks them: ids, classes, probabilities)
   * and joined by id with the examples on the executors.
   *
   * @param deployed the deployed model's answers, as a predictions file has them (id, prediction[, score_&lt;class&gt;…])
   */
  public static DistributedAnswers join(ParquetSources sources, List<String> classes, Dataset<Row> examples,
      Dataset<Row> deployed, Dataset<Row> candidate) {
    Dataset<Row> before = predictions(deployed, sources.deployed(), DEPLOYED, DEPLOYED_SCORES, classes)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> after = predictions(candidate, sources.candidate(), CANDIDATE, CANDIDATE_SCORES, classes)
        .persist(StorageLevel.MEMORY_AND_DISK());
    InputChecks.checkDuplicates(sources.deployed(), before);
    InputChecks.checkDuplicates(sources.candidate(), after);
    // One full outer join: it finds the missing and stray answers, and (once every row has all three
    // sides) it is the rows the gate counts.
    Dataset<Row> all = examples.withColumn(IN_GOLDEN_SET, lit(true))
        .join(before.withColumn(DEPLOYED_ANSWERED, lit(true)), ID, "full_outer")
        .join(after.withColumn(CANDIDATE_ANSWERED, lit(true)), ID, "full_outer")
        .persist(StorageLevel.MEMORY_AND_DISK());
    InputChecks.checkJoined(sources, classes, all, present(IN_GOLDEN_SET),
        answers(before, DEPLOYED_ANSWERED, DEPLOYED, DEPLOYED_SCORES), answers(after, CANDIDATE_ANSWERED, CANDIDATE, CANDIDATE_SCORES));
    Column classArray = array(classes.stream().map(c -> lit(c)).toArray(Column[]::new));
    // array_position is 1-based; the checks above guarantee every value is a known class.
    Dataset<Row> joined = all.drop(IN_GOLDEN_SET, DEPLOYED_ANSWERED, CANDIDATE_ANSWERED)
        .withColumn(LABEL, array_position(classArray, col(sources.labelColumn()).cast("string")).minus(1).cast("int"))
        .withColumn("__flipgate_d", array_position(classArray, col(DEPLOYED)).minus(1).cast("int"))
        .withColumn("__flipgate_c", array_position(classArray, col(CANDIDATE)).minus(1).cast("int"));
    return new DistributedAnswers(examples, joined, classes, List.of(before.columns()).contains(DEPLOYED_SCORES),
        List.of(after.columns()).contains(CANDIDATE_SCORES), List.of(examples, before, after, all));
  }

  private static final String IN_GOLDEN_SET = "__flipgate_in_golden_set";
  private static final String DEPLOYED_ANSWERED = "__flipgate_deployed_answered";
  private static final String CANDIDATE_ANSWERED = "__flipgate_candidate_answered";

  private static Column present(String marker) {
    return org.apache.spark.sql.functions.coalesce(col(marker), lit(false));
  }

  private static InputChecks.Answers answers(Dataset<Row> predictions, String marker, String answer, String scores) {
    return new InputChecks.Answers(predictions, present(marker), col(answer),
        List.of(predictions.columns()).contains(scores) ? col(scores) : null);
  }

  private static Column[] asText(List<String> columns) {
    return columns.stream().map(c -> org.apache.spark.sql.functions.coalesce(col(c).cast("string"), lit("")).as(c))
        .toArray(Column[]::new);
  }

  /**
   * Per slice, in the order given, the count of every cell at {@code (label·k + deployed)·k +
   * candidate}. The executors count rows by (cell, the set of slices the row is in) — a few
   * thousand groups however many rows — and the driver adds each group to its slices.
   *
   * @param tagsColumn the examples' tags column, or null when the golden set has none
   */
  public long[][] cells(List<SliceDefinition> slices, String tagsColumn) {
    int k = classes.size();
    Column[] memberOf = slices.stream().map(s -> SliceColumns.membership(s.predicate(), tagsColumn)).toArray(Column[]::new);
    Column cell = col(LABEL).multiply(k).plus(col("__flipgate_d")).multiply(k).plus(col("__flipgate_c"));
    Dataset<Row> counted = joined.groupBy(cell.as("cell"), array(memberOf).as("in")).agg(count(lit(1)).as("n"));
    long[][] cells = new long[slices.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    for (Row row : counted.collectAsList()) {
      List<Boolean> in = row.getList(1);
      for (int s = 0; s < in.size(); s++) {
        if (in.get(s)) {
          cells[s][row.getInt(0)] += row.getLong(2);
        }
      }
    }
    return cells;
  }

  /**
   * The rows of the flips (one model right, the other wrong) and of the examples with these ids,
   * in id order: every column of the examples as text (a null as empty, as the local reader reads
   * it), then the deployed and the candidate answer.
   */
  public Excerpt excerpt(Collection<String> ids) {
    Column right = col("__flipgate_d").equalTo(col(LABEL));
    Column flip = right.notEqual(col("__flipgate_c").equalTo(col(LABEL)));
    Column wanted = col(ID).isin(ids.toArray());
    List<String> columns = List.of(examples.columns()).stream().filter(c -> !c.equals(ID)).toList();
    Column[] selected = java.util.stream.Stream.concat(java.util.Arrays.stream(asText(columns)),
        java.util.stream.Stream.of(col(DEPLOYED), col(CANDIDATE), scores(deployedScored, DEPLOYED_SCORES),
            scores(candidateScored, CANDIDATE_SCORES))).toArray(Column[]::new);
    List<Row> rows = joined.filter(flip.or(wanted)).orderBy(col(ID)).select(selected).collectAsList();
    return new Excerpt(columns, rows);
  }

  /**
   * Every example's class codes, slice membership and both models' class probabilities, in id
   * order: what the score metrics need. Streamed to the driver a partition at a time.
   *
   * @param rows how many examples there are (the cells' total)
   */
  public ScoredExamples scoredExamples(List<SliceDefinition> slices, String tagsColumn, int rows) {
    Column[] memberOf = slices.stream().map(s -> SliceColumns.membership(s.predicate(), tagsColumn)).toArray(Column[]::new);
    Dataset<Row> ordered = joined.orderBy(col(ID)).select(col(LABEL), col("__flipgate_d"), col("__flipgate_c"),
        array(memberOf), scores(deployedScored, DEPLOYED_SCORES), scores(candidateScored, CANDIDATE_SCORES));
    int k = classes.size();
    int[] label = new int[rows];
    int[] deployed = new int[rows];
    int[] candidate = new int[rows];
    double[][] deployedScores = deployedScored ? new double[k][rows] : null;
    double[][] candidateScores = candidateScored ? new double[k][rows] : null;
    List<BitSet> members = new ArrayList<>();
    slices.forEach(s -> members.add(new BitSet(rows)));
    int row = 0;
    for (var iterator = ordered.toLocalIterator(); iterator.hasNext(); row++) {
      Row next = iterator.next();
      label[row] = next.getInt(0);
      deployed[row] = next.getInt(1);
      candidate[row] = next.getInt(2);
      List<Boolean> in = next.getList(3);
      for (int s = 0; s < in.size(); s++) {
        members.get(s).set(row, in.get(s));
      }
      copy(next, 4, deployedScores, row);
      copy(next, 5, candidateScores, row);
    }
    if (row != rows) {
      throw new IllegalStateException(row + " scored rows for " + rows + " examples");
    }
    return new ScoredExamples(label, deployed, candidate, Optional.ofNullable(deployedScores),
        Optional.ofNullable(candidateScores), members);
  }

  /**
   * Each model's class scores on every slice, binned ({@link BinnedScores}): each partition keeps
   * one set of bins per set of slices its rows are in, partitions merge by that set, and the
   * driver adds each set to its slices. An empty entry for a model without scores.
   *
   * @param positive the positive class of a binary task, or -1
   */
  public List<List<Optional<BinnedScores>>> binnedScores(List<SliceDefinition> slices, String tagsColumn, int bins,
      int positive) {
    Column[] memberOf = slices.stream().map(s -> SliceColumns.membership(s.predicate(), tagsColumn)).toArray(Column[]::new);
    Dataset<Row> rows = joined.select(array(memberOf), col(LABEL), col("__flipgate_d"), col("__flipgate_c"),
        scores(deployedScored, DEPLOYED_SCORES), scores(candidateScored, CANDIDATE_SCORES));
    List<scala.Tuple2<String, BinnedScores[]>> bySet = rows.javaRDD()
        .mapPartitionsToPair(binPartition(classes.size(), bins, positive, deployedScored, candidateScored))
        .reduceByKey(DistributedAnswers::merge).collect();
    List<List<Optional<BinnedScores>>> bySlice = new ArrayList<>();
    for (int model = 0; model < 2; model++) {
      boolean scoredModel = model == 0 ? deployedScored : candidateScored;
      List<Optional<BinnedScores>> slicesOfModel = new ArrayList<>();
      for (int s = 0; s < slices.size(); s++) {
        BinnedScores sum = scoredModel ? new BinnedScores(classes.size(), bins) : null;
        for (var set : bySet) {
          if (sum != null && set._1().charAt(s) == '1') {
            sum.plus(set._2()[model]);
          }
        }
        slicesOfModel.add(Optional.ofNullable(sum));
      }
      bySlice.add(slicesOfModel);
    }
    return bySlice;
  }

  /** A partition's rows binned per set of slices ('1' where a row is in the slice), both models at once. */
  private static org.apache.spark.api.java.function.PairFlatMapFunction<java.util.Iterator<Row>, String, BinnedScores[]>
      binPartition(int classCount, int bins, int positive, boolean deployedScored, boolean candidateScored) {
    return rows -> {
      java.util.Map<String, BinnedScores[]> sets = new java.util.HashMap<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        List<Boolean> in = row.getList(0);
        var key = new StringBuilder(in.size());
        in.forEach(member -> key.append(member ? '1' : '0'));
        BinnedScores[] both = sets.computeIfAbsent(key.toString(), k -> new BinnedScores[] {
            deployedScored ? new BinnedScores(classCount, bins) : null,
            candidateScored ? new BinnedScores(classCount, bins) : null});
        int label = row.getInt(1);
        if (deployedScored) {
          both[0].add(probabilities(row, 4), label, row.getInt(2), positive);
        }
        if (candidateScored) {
          both[1].add(probabilities(row, 5), label, row.getInt(3), positive);
        }
      }
      return sets.entrySet().stream().map(e -> new scala.Tuple2<>(e.getKey(), e.getValue())).iterator();
    };
  }

  private static BinnedScores[] merge(BinnedScores[] a, BinnedScores[] b) {
    for (int model = 0; model < a.length; model++) {
      if (a[model] != null) {
        a[model].plus(b[model]);
      }
    }
    return a;
  }

  private static double[] probabilities(Row row, int at) {
    List<Double> values = row.getList(at);
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void copy(Row row, int at, double[][] columns, int position) {
    if (columns != null) {
      List<Double> values = row.getList(at);
      for (int c = 0; c < columns.length; c++) {
        columns[c][position] = values.get(c);
      }
    }
  }

  /** A model's answer for an excerpt row: its label, with its class probabilities when it gave them. */
  public Prediction prediction(Row row, int columns, boolean deployedModel) {
    String label = row.getString(columns + (deployedModel ? 0 : 1));
    int at = columns + (deployedModel ? 2 : 3);
    if (row.isNullAt(at)) {
      return Prediction.of(label);
    }
    List<Double> values = row.getList(at);
    return new Prediction(label, Optional.of(new ClassScores(classes, values.stream().mapToDouble(Double::doubleValue)
        .toArray())));
  }

  private static Column scores(boolean scored, String column) {
    return scored ? col(column) : lit(null).cast("array<double>");
  }

  /**
   * @param columns the examples' columns; each row holds them, then the deployed and the candidate
   *     answer and their class probabilities (null without)
   */
  public record Excerpt(List<String> columns, List<Row> rows) {}

  /** A model's answers (id, label and, if it gave them, the probability of each class in class order). */
  private static Dataset<Row> predictions(Dataset<Row> file, String path, String model, String scores,
      List<String> classes) {
    List<String> columns = List.of(file.columns());
    if (!columns.contains("id") || !columns.contains("prediction")) {
      throw Problem.at(path).expected("the columns id and prediction").found("columns " + columns)
          .whatToDo("write the model's answers with columns id, prediction").modelFailure("missing column");
    }
    List<String> given = columns.stream().filter(c -> c.startsWith("score_")).toList();
    List<String> expected = classes.stream().map(c -> "score_" + c).toList();
    Column answers = col("prediction").cast("string").as(model);
    if (given.isEmpty()) {
      return file.select(col("id").cast("string").as(ID), answers);
    }
    if (!new java.util.HashSet<>(given).equals(new java.util.HashSet<>(expected))) {
      throw Problem.at(path).expected("no score columns, or one per class: " + expected).found("score columns " + given)
          .whatToDo("write a probability column for every class, or none").modelFailure("missing column");
    }
    return file.select(col("id").cast("string").as(ID), answers,
        array(expected.stream().map(c -> col(c).cast("double")).toArray(Column[]::new)).as(scores));
  }

}
