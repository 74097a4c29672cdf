package dev.flipgate.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A generated three-class golden set and two models' answers, written as Parquet by Spark, with a
 * manifest (slices by value, by a set of values, by a numeric range and by tag; critical examples)
 * and a suite whose policy a product team would write. Ids are zero-padded, so the file's order is
 * the id order both engines list flips in. Deterministic from its seed.
 */
final class GeneratedGate {
  static final List<String> CLASSES = List.of("cat", "dog", "fox");
  private static final StructType EXAMPLES = new StructType().add("id", DataTypes.StringType)
      .add("label", DataTypes.StringType).add("region", DataTypes.StringType).add("size", DataTypes.IntegerType)
      .add("tags", DataTypes.StringType);
  private static final StructType PREDICTIONS = new StructType().add("id", DataTypes.StringType)
      .add("prediction", DataTypes.StringType);
  private static final StructType SCORED = PREDICTIONS.add("score_cat", DataTypes.DoubleType)
      .add("score_dog", DataTypes.DoubleType).add("score_fox", DataTypes.DoubleType);

  final List<Row> examples = new ArrayList<>();
  final List<Row> deployed = new ArrayList<>();
  final List<Row> candidate = new ArrayList<>();

  private final boolean scored;

  GeneratedGate(int rows, long seed) {
    this(rows, seed, false);
  }

  /** @param scored whether both models give class probabilities (their answer the most probable class) */
  GeneratedGate(int rows, long seed, boolean scored) {
    this.scored = scored;
    var random = new Random(seed);
    String[] regions = {"north", "south", "east"};
    String[] tags = {null, "a", "b", "a; b"};
    for (int i = 0; i < rows; i++) {
      String id = String.format("e%07d", i);
      String label = CLASSES.get(random.nextInt(3));
      String region = regions[random.nextInt(3)];
      examples.add(RowFactory.create(id, label, region, random.nextInt(100), tags[random.nextInt(4)]));
      // The candidate is a little worse in the north: a regression the gate must find in one slice.
      String before = random.nextDouble() < 0.9 ? label : CLASSES.get(random.nextInt(3));
      double keep = region.equals("north") ? 0.93 : 0.97;
      String after = random.nextDouble() < keep ? before : CLASSES.get(random.nextInt(3));
      if (i == 42) { // a critical example the candidate gets wrong
        before = label;
        after = CLASSES.get((CLASSES.indexOf(label) + 1) % 3);
      }
      deployed.add(scored ? scoredRow(id, before, random) : RowFactory.create(id, before));
      candidate.add(scored ? scoredRow(id, after, random) : RowFactory.create(id, after));
    }
  }

  /** Probabilities whose largest is the answer's: the rest split at random, rounded so many scores tie. */
  private static Row scoredRow(String id, String answer, Random random) {
    double top = 0.4 + Math.round(random.nextDouble() * 50) / 100.0;
    double second = Math.round((1 - top) * random.nextDouble() * 100) / 100.0;
    double[] p = new double[3];
    int at = CLASSES.indexOf(answer);
    p[at] = top;
    p[(at + 1) % 3] = second;
    p[(at + 2) % 3] = Math.max(0, Math.round((1 - top - second) * 100) / 100.0);
    return RowFactory.create(id, answer, p[0], p[1], p[2]);
  }

  StructType predictionsType() {
    return scored ? SCORED : PREDICTIONS;
  }

  /** Writes the golden set and suite into {@code directory}: examples, deployed and candidate as single Parquet files. */
  Path write(SparkSession spark, Path directory) {
    writeParquet(spark, examples, EXAMPLES, directory.resolve("examples.parquet"));
    writeParquet(spark, deployed, predictionsType(), directory.resolve("deployed.parquet"));
    writeParquet(spark, candidate, predictionsType(), directory.resolve("candidate.parquet"));
    write(directory.resolve("manifest.yaml"), manifest("examples.parquet"));
    Path suite = directory.resolve("suite.yaml");
    write(suite, suite("deployed.parquet", "candidate.parquet") + (scored ? SCORE_RULES : ""));
    return suite;
  }

  static String manifest(String examplesFile) {
    return """
        name: generated
        version: "1"
        classes: [cat, dog, fox]
        examples: { file: %s, metadata: [region, size], tagsColumn: tags }
        slices:
          - { name: north, where: { column: region, equals: north } }
          - { name: south-or-east, where: { column: region, in: [south, east] } }
          - { name: mid-size, where: { column: size, range: { min: 20, max: 50 } } }
          - { name: tagged-a, tag: a }
        critical: { reason: customers' favourites, ids: [e0000003, e0000010, e0000042] }
        """.formatted(examplesFile);
  }

  static String suite(String deployedFile, String candidateFile) {
    return """
        name: generated
        goldenSet: .
        seed: 20261130
        evidence: { level: 0.95, resamples: 200 }
        deployed: { type: predictions, name: deployed, file: %s }
        candidates:
          next: { type: predictions, name: next, file: %s }
        defaultCandidate: next
        policy:
          rules:
            - { rule: max-negative-flip-rate, slices: ["*"], max: 0.05 }
            - { rule: max-metric-drop, metric: accuracy, slices: ["*"], max: 0.02 }
            - { rule: max-metric-drop, metric: macroF1, slices: [all], max: 0.03 }
            - { rule: significant-accuracy-drop, slices: [all, north], alpha: 0.05, correction: holm-bonferroni,
                relevantDrop: 0.01 }
            - { rule: critical-examples }
        """.formatted(deployedFile, candidateFile);
  }

  /** Rules on score metrics, appended to the policy's rules; one judges the interval's bound (a bootstrap). */
  static final String SCORE_RULES = """
          - { rule: max-metric-drop, metric: macroRocAuc, slices: ["*"], max: 0.01, judge: lower-bound }
          - { rule: max-metric-drop, metric: logLoss, slices: [all, north], max: 0.05 }
          - { rule: max-metric-drop, metric: expectedCalibrationError, slices: [all], max: 0.02 }
          - { rule: max-metric-drop, metric: brierScore, slices: [all], max: 0.02 }
          - { rule: max-metric-drop, metric: meanAveragePrecision, slices: [all], max: 0.02 }
      """;

  /** The rows shuffled into {@code parts} Parquet files in a directory: another order, another partitioning. */
  static void writeShuffled(SparkSession spark, List<Row> rows, StructType schema, Path directory, int parts, long seed) {
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    spark.createDataFrame(shuffled, schema).repartition(parts).write().parquet(directory.toString());
  }

  static StructType examplesSchema() {
    return EXAMPLES;
  }

  static StructType predictionsSchema() {
    return PREDICTIONS;
  }

  /** One Parquet file (not Spark's directory of parts), as the local engine reads. */
  static void writeParquet(SparkSession spark, List<Row> rows, StructType schema, Path file) {
    Path parts = file.resolveSibling(file.getFileName() + ".parts");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parts.toString());
    try (Stream<Path> listing = Files.list(parts)) {
      Path part = listing.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.move(part, file);
      try (Stream<Path> rest = Files.list(parts)) {
        for (Path left : rest.toList()) {
          Files.delete(left);
        }
      }
      Files.delete(parts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
