package dev.flipgate.spark;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ExcerptComparison;
import dev.flipgate.failure.Problem;
import dev.flipgate.gate.GateDecision;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.Prediction;
import dev.flipgate.provenance.HarnessVersion;
import dev.flipgate.provenance.Provenance;
import dev.flipgate.run.GateEngine;
import dev.flipgate.run.LatencyProbe;
import dev.flipgate.run.RunResult;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --engine spark}: the gate of a classification suite whose models' answers are Parquet
 * predictions files, compared on Spark executors. The driver reads the suite and the manifest,
 * the executors check and join the rows and count each slice's cells, and the driver brings back
 * only the excerpt the rules and reports name (flips, critical and waived examples); the same
 * statistics, policy and reports as the local engine then make the same result.
 *
 * <p>Paths in the suite and the manifest may be any Spark reads ({@code s3a://…}, {@code hdfs://…});
 * a relative one is a local file beside the declaring file, as for the local engine. Flips are
 * listed in id order: a distributed data set has no row order of its own.
 */
public final class SparkGateEngine implements GateEngine {
  /** The most flips a run brings to the driver (option {@code flipgate.maxFlips}); beyond, it fails rather than run out of memory. */
  static final long MAX_FLIPS = 1_000_000;
  /**
   * The most scored examples whose probabilities a run brings to the driver (option
   * {@code flipgate.maxScoredRows}): score metrics and their bootstrap are then exactly the local
   * engine's. Beyond, they come from binned scores ({@code evidence.scoreBins} in the suite), with
   * each slice's error bounds stated and no bootstrap interval.
   */
  static final long MAX_SCORED_ROWS = 2_000_000;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public RunResult run(Request request) {
    Instant startedAt = request.clock().instant();
    Suite suite = SuiteReader.read(request.suiteFile());
    ModelDeclaration candidateDeclaration = suite.candidate(request.candidate());
    SparkSuite parts = SparkSuite.of(suite, candidateDeclaration);
    long maxFlips = limit(request.options(), "flipgate.maxFlips", MAX_FLIPS);
    long maxScoredRows = limit(request.options(), "flipgate.maxScoredRows", MAX_SCORED_ROWS);
    // A session that was running before (a notebook's, a test's) is the caller's to stop.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session(request);
    DistributedAnswers answers = null;
    Dataset<Row> examples = null;
    List<ModelAnswers> models = new ArrayList<>();
    try {
      examples = DistributedAnswers.examples(spark, parts.sources(), parts.classes());
      var examplesIdentity = DataIdentity.of(spark, parts.sources().examples());
      // The rows the policy names are read first, so a misnamed slice, critical example or waiver
      // fails before any model runs or any slice is counted.
      Set<String> named = new LinkedHashSet<>(parts.criticalIds());
      suite.policy().waivers().forEach(w -> named.addAll(w.examples()));
      GoldenSet declared = parts.excerpt(DistributedAnswers.rowsOf(examples, named), examplesIdentity);
      suite.policy().validate(declared, suite.file());
      InputChecks.checkRanges(parts.sources().examples(), examples, declared.slices());

      var deployedAnswers = ModelAnswers.of(spark, parts.deployed(), "deployed", parts, declared, examples);
      models.add(deployedAnswers);
      var candidateAnswers = ModelAnswers.of(spark, parts.candidate(), "candidate", parts, declared, examples);
      models.add(candidateAnswers);
      answers = DistributedAnswers.join(parts.sources(), parts.classes(), examples, deployedAnswers.rows(),
          candidateAnswers.rows());
      long[][] cells = answers.cells(declared.slices(), parts.tagsColumn());
      long count = 0;
      for (long cell : cells[0]) {
        count += cell;
      }
      requireAtMost(flipsOf(cells[0], parts.classes().size()), maxFlips, "flipgate.maxFlips", "flips to bring to the"
          + " driver", "the driver's memory (about 1 KiB a flip), or gate a smaller golden set", "too many flips for the driver");
      var excerpt = answers.excerpt(named);
      GoldenSet goldenSet = parts.excerpt(excerpt, examplesIdentity);
      List<Prediction> deployed = new ArrayList<>();
      List<Prediction> candidate = new ArrayList<>();
      int columns = excerpt.columns().size();
      for (Row row : excerpt.rows()) {
        deployed.add(answers.prediction(row, columns, true));
        candidate.add(answers.prediction(row, columns, false));
      }
      Comparison comparison;
      if (!answers.scored()) {
        comparison = ExcerptComparison.compare(goldenSet, deployed, candidate, cells, suite.evidence());
      } else if (count <= maxScoredRows) {
        // Small enough for the driver: exactly the local engine's score metrics and their bootstrap.
        var scored = answers.scoredExamples(goldenSet.slices(), parts.tagsColumn(), Math.toIntExact(count));
        comparison = ExcerptComparison.compare(goldenSet, deployed, candidate, cells, Optional.of(scored), suite.evidence());
      } else {
        int positive = goldenSet.positiveClass().map(goldenSet.classes()::indexOf).orElse(-1);
        var binned = answers.binnedScores(goldenSet.slices(), parts.tagsColumn(), suite.evidence().scoreBins(), positive);
        comparison = ExcerptComparison.compareBinned(goldenSet, deployed, candidate, cells, binned.get(0), binned.get(1),
            suite.evidence());
      }
      if (suite.latency().enabled() && deployedAnswers.adapter().isPresent() && candidateAnswers.adapter().isPresent()) {
        comparison = comparison.withLatency(latency(suite, examples, declared, parts.sources().examples(),
            deployedAnswers.adapter().get(), candidateAnswers.adapter().get(), request.progress()));
      }
      GateDecision decision = suite.policy().decide(comparison, java.time.LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC));
      String written = request.options().get("flipgate.writeAnswers");
      if (written != null) {
        deployedAnswers.writeIfRun(written);
        candidateAnswers.writeIfRun(written);
      }
      var provenance = new Provenance(request.runId(), HarnessVersion.current(), suite.seed(), startedAt,
          request.clock().instant(), suite.name(), dev.flipgate.io.Sha256.ofFile(suite.file()),
          new Provenance.GoldenSetIdentity(goldenSet.name(), goldenSet.version(), goldenSet.sha256(), Math.toIntExact(count),
              0),
          deployedAnswers.identity(), candidateAnswers.identity(), System.getProperty("java.version"));
      return new RunResult(provenance, goldenSet, comparison, decision, Map.of());
    } finally {
      if (answers != null) {
        answers.release();
      } else if (examples != null) {
        examples.unpersist();
      }
      models.forEach(ModelAnswers::close);
      ExecutorModels.closeAll();
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * Both run models' single-example latency, measured on the driver as the local engine measures
   * it ({@link LatencyProbe}) over examples drawn by the suite's seed; the executors' batched pass
   * is not timed (its throughput would be the cluster's, not the model's).
   */
  private static dev.flipgate.latency.LatencyComparison latency(Suite suite, Dataset<Row> examples, GoldenSet declared,
      String file, dev.flipgate.model.ModelAdapter deployed, dev.flipgate.model.ModelAdapter candidate,
      dev.flipgate.run.ProgressListener progress) {
    int wanted = Math.max(suite.latency().samples(), suite.latency().warmup());
    List<org.apache.spark.sql.Column> columns = new ArrayList<>(List.of(org.apache.spark.sql.functions.col(DistributedAnswers.ID)));
    declared.inputColumns().forEach(c -> columns.add(org.apache.spark.sql.functions.col(c)));
    List<Row> drawn = examples.orderBy(org.apache.spark.sql.functions.xxhash64(
            org.apache.spark.sql.functions.col(DistributedAnswers.ID), org.apache.spark.sql.functions.lit(suite.seed())))
        .limit(wanted).select(columns.toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    List<dev.flipgate.model.ModelInput> inputs = drawn.stream()
        .map(row -> ExecutorModels.input(row, declared.inputColumns(), declared.inputLayout().shape(), file))
        .sorted(java.util.Comparator.comparing(dev.flipgate.model.ModelInput::exampleId)).toList();
    return LatencyProbe.measure(deployed, candidate, inputs, suite.latency(), suite.seed(), Double.NaN, Double.NaN,
        progress);
  }

  private static void requireAtMost(long found, long limit, String option, String what, String orElse, String says) {
    if (found > limit) {
      throw Problem.at(option).expected("at most " + limit + " " + what).found(String.valueOf(found))
          .whatToDo("raise it (--conf " + option + "=N) and " + orElse).configurationError(says);
    }
  }

  /** Both models' flips (one right, the other wrong) among a slice's cells. */
  static long flipsOf(long[] cells, int k) {
    long flips = 0;
    for (int label = 0; label < k; label++) {
      for (int deployed = 0; deployed < k; deployed++) {
        for (int candidate = 0; candidate < k; candidate++) {
          if ((deployed == label) != (candidate == label)) {
            flips += cells[(label * k + deployed) * k + candidate];
          }
        }
      }
    }
    return flips;
  }

  private static long limit(Map<String, String> options, String name, long otherwise) {
    String value = options.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw Problem.at(name).expected("a count of at least 0").found("'" + value + "'")
        .whatToDo("give a whole number, e.g. --conf " + name + "=2000000").configurationError("unusable setting");
  }

  /** The session spark-submit set up, or one on {@code master}; {@code spark.*} options are its settings. */
  private static SparkSession session(Request request) {
    var builder = SparkSession.builder().appName("flipgate " + request.runId());
    String master = request.options().get("master");
    if (master != null) {
      builder = builder.master(master);
    } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
      builder = builder.master("local[*]");
    }
    // Spark's INFO lines would bury the gate's own messages; --conf spark.log.level=INFO brings them back.
    builder = builder.config("spark.log.level", "WARN")
        // The joins are of ids spread evenly: hashing them is cheaper than sorting them.
        .config("spark.sql.join.preferSortMergeJoin", "false");
    for (var option : request.options().entrySet()) {
      if (option.getKey().startsWith("spark.")) {
        builder = builder.config(option.getKey(), option.getValue());
      }
    }
    return builder.getOrCreate();
  }
}
