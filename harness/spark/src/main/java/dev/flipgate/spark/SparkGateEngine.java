package dev.flipgate.spark;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ExcerptComparison;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import dev.flipgate.gate.GateDecision;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.Prediction;
import dev.flipgate.provenance.HarnessVersion;
import dev.flipgate.provenance.Provenance;
import dev.flipgate.run.GateEngine;
import dev.flipgate.run.RunResult;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.flipgate.comparison.ScoredExamples;
import java.util.Set;
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
   * engine's. Beyond, the run fails: score metrics from binned curves are not built yet.
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
    try {
      var answers = DistributedAnswers.read(spark, parts.sources(), parts.classes());
      var examplesIdentity = DataIdentity.of(spark, parts.sources().examples());
      // The rows the policy names are read first, so a misnamed slice, critical example or waiver
      // fails before the slices are counted.
      Set<String> named = new LinkedHashSet<>(parts.criticalIds());
      suite.policy().waivers().forEach(w -> named.addAll(w.examples()));
      GoldenSet named0 = parts.excerpt(answers.excerpt(named, false), examplesIdentity);
      suite.policy().validate(named0, suite.file());
      answers.checkRanges(parts.sources().examples(), named0.slices());

      long[][] cells = answers.cells(named0.slices(), parts.tagsColumn());
      long flips = flipsOf(cells[0], parts.classes().size());
      if (flips > maxFlips) {
        throw Problem.at("flipgate.maxFlips").expected("at most " + maxFlips + " flips to bring to the driver")
            .found(flips + " flips").whatToDo("raise it (--conf flipgate.maxFlips=N) and the driver's memory"
                + " (about 1 KiB a flip), or gate a smaller golden set")
            .configurationError("too many flips for the driver");
      }
      var excerpt = answers.excerpt(named, true);
      GoldenSet goldenSet = parts.excerpt(excerpt, examplesIdentity);
      List<Prediction> deployed = new ArrayList<>();
      List<Prediction> candidate = new ArrayList<>();
      int columns = excerpt.columns().size();
      for (Row row : excerpt.rows()) {
        deployed.add(answers.prediction(row, columns, true));
        candidate.add(answers.prediction(row, columns, false));
      }
      long examples = 0;
      for (long count : cells[0]) {
        examples += count;
      }
      Optional<ScoredExamples> scored = Optional.empty();
      if (answers.scored()) {
        if (examples > maxScoredRows) {
          throw Problem.at("flipgate.maxScoredRows").expected("at most " + maxScoredRows + " scored examples, whose class"
                  + " probabilities the driver holds for exact score metrics").found(examples + " examples")
              .whatToDo("raise it (--conf flipgate.maxScoredRows=N) and the driver's memory (about 16·(k+1) bytes an"
                  + " example for k classes), or drop the score columns; score metrics from binned curves are not built yet")
              .configurationError("too many scored examples for the driver");
        }
        scored = Optional.of(answers.scoredExamples(goldenSet.slices(), parts.tagsColumn(), Math.toIntExact(examples)));
      }
      Comparison comparison = ExcerptComparison.compare(goldenSet, deployed, candidate, cells, scored, suite.evidence());
      GateDecision decision = suite.policy().decide(comparison, java.time.LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC));
      var provenance = new Provenance(request.runId(), HarnessVersion.current(), suite.seed(), startedAt,
          request.clock().instant(), suite.name(), dev.flipgate.io.Sha256.ofFile(suite.file()),
          new Provenance.GoldenSetIdentity(goldenSet.name(), goldenSet.version(), goldenSet.sha256(), Math.toIntExact(examples), 0),
          identity(spark, suite.deployed(), parts.sources().deployed()),
          identity(spark, candidateDeclaration, parts.sources().candidate()), System.getProperty("java.version"));
      return new RunResult(provenance, goldenSet, comparison, decision, Map.of());
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private static ModelIdentity identity(SparkSession spark, ModelDeclaration declaration, String path) {
    var data = DataIdentity.of(spark, path);
    // A local file is named by its path, as the local engine names it; a remote one by its URI.
    String location = path.startsWith("file:") ? java.nio.file.Paths.get(java.net.URI.create(path)).toString() : path;
    return new ModelIdentity(declaration.name(), "predictions-file", location, data.sha256(), data.sizeBytes());
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
    builder = builder.config("spark.log.level", "WARN");
    for (var option : request.options().entrySet()) {
      if (option.getKey().startsWith("spark.")) {
        builder = builder.config(option.getKey(), option.getValue());
      }
    }
    return builder.getOrCreate();
  }
}
