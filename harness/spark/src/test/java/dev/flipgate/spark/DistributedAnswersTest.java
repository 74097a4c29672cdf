package dev.flipgate.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.comparison.CellSlices;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Spark {@code local[2]}, the executors' per-slice aggregates of a generated three-class golden
 * set (slices by value, by set of values, by range and by tag) are exactly the local engine's, for
 * the rows as written and for a shuffled copy in other partitions; and bad predictions fail the job
 * as model failures naming the file and the first offending id, never reaching a verdict.
 */
class DistributedAnswersTest {
  private static final List<String> CLASSES = List.of("cat", "dog", "fox");
  private static final int ROWS = 20_000;
  private static final int CAP = 25;
  private static final EvidenceSettings SETTINGS = new EvidenceSettings(0.95, 200, 20261130L);
  private static SparkSession spark;

  @TempDir static Path directory;
  private static GoldenSet goldenSet;
  private static List<String[]> examples;
  private static Map<String, String> deployed;
  private static Map<String, String> candidate;

  @BeforeAll
  static void generateAndStart() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("flipgate-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    var random = new Random(20261130L);
    examples = new ArrayList<>();
    deployed = new LinkedHashMap<>();
    candidate = new LinkedHashMap<>();
    String[] regions = {"north", "south", "east"};
    String[] tags = {"", "a", "b", "a; b"};
    var csv = new StringBuilder("id,label,region,size,tags\n");
    for (int i = 0; i < ROWS; i++) {
      String id = String.format("e%06d", i);
      String label = CLASSES.get(random.nextInt(3));
      String[] row = {id, label, regions[random.nextInt(3)], Integer.toString(random.nextInt(100)), tags[random.nextInt(4)]};
      examples.add(row);
      csv.append(String.join(",", row)).append('\n');
      String before = random.nextDouble() < 0.9 ? label : CLASSES.get(random.nextInt(3));
      String after = random.nextDouble() < 0.95 ? before : CLASSES.get(random.nextInt(3));
      deployed.put(id, before);
      candidate.put(id, after);
    }
    Path golden = directory.resolve("golden");
    Files.createDirectories(golden);
    Files.writeString(golden.resolve("examples.csv"), csv);
    Files.writeString(golden.resolve("manifest.yaml"), """
        name: generated
        version: "1"
        classes: [cat, dog, fox]
        examples: { file: examples.csv, metadata: [region, size], tagsColumn: tags }
        slices:
          - { name: north, where: { column: region, equals: north } }
          - { name: south-or-east, where: { column: region, in: [south, east] } }
          - { name: mid-size, where: { column: size, range: { min: 20, max: 50 } } }
          - { name: tagged-a, tag: a }
        """);
    goldenSet = GoldenSetLoader.load(golden);
    writeParquet(directory.resolve("examples.parquet"), examples, false);
    writePredictions(directory.resolve("deployed.parquet"), deployed);
    writePredictions(directory.resolve("candidate.parquet"), candidate);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everySlicesCellsAndNegativeFlipsAreTheLocalEnginesExactly() {
    SliceAggregates aggregates = original();
    Comparison local = local();

    assertThat(aggregates.slices()).containsExactlyElementsOf(local.slices().stream().map(SliceComparison::name).toList());
    for (int s = 0; s < aggregates.slices().size(); s++) {
      SliceComparison slice = local.slices().get(s);
      assertThat(aggregates.cells()[s]).as(slice.name()).containsExactly(slice.cells().orElseThrow().dense());
      assertThat(aggregates.negativeFlipCount(s)).as(slice.name()).isEqualTo(slice.counts().negativeFlips());
      List<String> firstFlips = slice.negativeFlipIds().stream().sorted().limit(CAP).toList();
      assertThat(aggregates.negativeFlips().get(s)).as(slice.name()).containsExactlyElementsOf(firstFlips);
    }
    assertThat(local.slices().get(0).counts().negativeFlips()).as("the data has flips to find").isGreaterThan(CAP);
  }

  @Test
  void theDriverComparesEachSliceFromItsCellsExactlyAsTheLocalEngineDoes() {
    SliceAggregates aggregates = original();
    Comparison local = local();

    for (int s = 0; s < aggregates.slices().size(); s++) {
      SliceComparison expected = local.slices().get(s);
      SliceComparison reduced = CellSlices.compare(goldenSet.slices().get(s), CLASSES, goldenSet.positiveClass(),
          aggregates.cells()[s], aggregates.negativeFlips().get(s), SETTINGS);
      assertThat(reduced.counts()).as(expected.name()).isEqualTo(expected.counts());
      assertThat(reduced.deployed()).as(expected.name()).usingRecursiveComparison().isEqualTo(expected.deployed());
      assertThat(reduced.candidate()).as(expected.name()).usingRecursiveComparison().isEqualTo(expected.candidate());
      assertThat(reduced.evidence()).as(expected.name() + ": intervals, p-values, power").usingRecursiveComparison()
          .isEqualTo(expected.evidence());
    }
  }

  @Test
  void aShuffledCopyInOtherPartitionsGivesTheSameAggregates() {
    List<String[]> shuffled = new ArrayList<>(examples);
    Collections.shuffle(shuffled, new Random(7));
    writeParquet(directory.resolve("shuffled.parquet"), shuffled, true);

    SliceAggregates original = original();
    SliceAggregates reordered = compute(sources("shuffled.parquet", "deployed.parquet", "candidate.parquet"));

    assertThat(reordered.cells()).isDeepEqualTo(original.cells());
    assertThat(reordered.negativeFlips()).isEqualTo(original.negativeFlips());
  }

  @Test
  void aMissingPredictionFailsNamingTheFileAndTheFirstMissingId() {
    var lacking = new LinkedHashMap<>(candidate);
    lacking.remove("e000123");
    lacking.remove("e004567");
    writePredictions(directory.resolve("lacking.parquet"), lacking);

    assertThatThrownBy(() -> compute(sources("examples.parquet", "deployed.parquet", "lacking.parquet")))
        .isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("lacking.parquet").hasMessageContaining("e000123").hasMessageContaining("missing prediction");
  }

  @Test
  void aDuplicatePredictionFailsNamingTheId() {
    writeRows(directory.resolve("twice.parquet"), List.of(row("e000001", "cat"), row("e000001", "dog")), deployed);

    assertThatThrownBy(() -> compute(sources("examples.parquet", "twice.parquet", "candidate.parquet")))
        .isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("twice.parquet").hasMessageContaining("e000001").hasMessageContaining("duplicate prediction");
  }

  @Test
  void anAnswerThatIsNoClassFailsNamingTheId() {
    var odd = new LinkedHashMap<>(candidate);
    odd.put("e000042", "wolf");
    writePredictions(directory.resolve("odd.parquet"), odd);

    assertThatThrownBy(() -> compute(sources("examples.parquet", "deployed.parquet", "odd.parquet")))
        .isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("odd.parquet").hasMessageContaining("e000042").hasMessageContaining("unknown class");
  }

  @Test
  void aPredictionForAnExampleTheGoldenSetLacksFailsNamingTheId() {
    var extra = new LinkedHashMap<>(deployed);
    extra.put("z999999", "cat");
    writePredictions(directory.resolve("extra.parquet"), extra);

    assertThatThrownBy(() -> compute(sources("examples.parquet", "extra.parquet", "candidate.parquet")))
        .isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("extra.parquet").hasMessageContaining("z999999");
  }

  private static Comparison localComparison;
  private static SliceAggregates originalAggregates;

  /** The executors' aggregates of the rows as written, computed once. */
  private static synchronized SliceAggregates original() {
    if (originalAggregates == null) {
      originalAggregates = compute(sources("examples.parquet", "deployed.parquet", "candidate.parquet"));
    }
    return originalAggregates;
  }


  /** The local engine's comparison of the same rows, computed once for the tests that read it. */
  private static synchronized Comparison local() {
    if (localComparison == null) {
      localComparison = compareLocally();
    }
    return localComparison;
  }

  private static Comparison compareLocally() {
    Map<String, Prediction> before = new LinkedHashMap<>();
    Map<String, Prediction> after = new LinkedHashMap<>();
    deployed.forEach((id, answer) -> before.put(id, Prediction.of(answer)));
    candidate.forEach((id, answer) -> after.put(id, Prediction.of(answer)));
    return ComparisonCalculator.compare(goldenSet, before, after, SETTINGS);
  }

  private static SliceAggregates compute(ParquetSources sources) {
    return DistributedAnswers.compute(spark, sources, CLASSES, goldenSet.slices(), "tags", CAP);
  }

  private static ParquetSources sources(String examples, String deployed, String candidate) {
    return new ParquetSources(uri(examples), "id", "label", uri(deployed), uri(candidate));
  }

  private static String uri(String file) {
    return directory.resolve(file).toUri().toString();
  }

  private static void writeParquet(Path path, List<String[]> rows, boolean scatter) {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("label", DataTypes.StringType)
        .add("region", DataTypes.StringType).add("size", DataTypes.DoubleType).add("tags", DataTypes.StringType);
    List<Row> data = rows.stream()
        .map(r -> RowFactory.create(r[0], r[1], r[2], Double.parseDouble(r[3]), r[4].isEmpty() ? null : r[4])).toList();
    Dataset<Row> frame = spark.createDataFrame(data, schema);
    (scatter ? frame.repartition(7) : frame.coalesce(1)).write().mode("overwrite").parquet(path.toString());
  }

  private static void writePredictions(Path path, Map<String, String> answers) {
    writeRows(path, answers.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList(), Map.of());
  }

  /** {@code rows}, then one row for each id of {@code rest} not among them. */
  private static void writeRows(Path path, List<Row> rows, Map<String, String> rest) {
    List<Row> all = new ArrayList<>(rows);
    var written = rows.stream().map(r -> r.getString(0)).collect(java.util.stream.Collectors.toSet());
    rest.forEach((id, answer) -> {
      if (!written.contains(id)) {
        all.add(row(id, answer));
      }
    });
    StructType schema = new StructType().add("id", DataTypes.StringType).add("prediction", DataTypes.StringType);
    spark.createDataFrame(all, schema).coalesce(2).write().mode("overwrite").parquet(path.toString());
  }

  private static Row row(String id, String prediction) {
    return RowFactory.create(id, prediction);
  }
}
