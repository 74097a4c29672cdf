package dev.flipgate.cli;

import dev.flipgate.gate.Verdict;
import dev.flipgate.junit.TestReportFiles;
import dev.flipgate.suite.SuiteReader;
import dev.flipgate.report.ConsoleSummary;
import dev.flipgate.report.output.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.RunIds;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.flipgate.ledger.GateRunRecord;
import dev.flipgate.ledger.Ledger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flipgate gate SUITE}: run both models, compare, decide, write the reports. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = "Runs the deployed model and a candidate over the suite's golden set, compares them example by"
        + " example, and decides PROMOTE or BLOCK by the suite's gate policy. Writes result.json and summary.md.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROMOTE", "1:BLOCK", "2:bad usage or configuration", "3:runtime failure (a model or endpoint failed)"})
final class GateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file, e.g. golden-sets/mnist/suite.yaml.")
  Path suite;

  @Option(names = "--candidate", paramLabel = "NAME", description = "A candidate declared in the suite (default: its defaultCandidate).")
  String candidate;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: reports/<run-id>).")
  Path out;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print result.json to stdout instead of the summary (progress stays on stderr).")
  boolean json;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where models' answers are kept, so a rerun or a"
      + " resumed run does not ask again (default: .flipgate/cache, or the system property flipgate.cacheDir).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Ask every model for every example; keep nothing.")
  boolean noCache;

  @Option(names = "--junit-xml", paramLabel = "DIR", description = "Also write the gate as JUnit XML (Surefire format,"
      + " TEST-flipgate.xml) into DIR: one test per rule and slice, a failure per regression.")
  Path junitXml;

  @Option(names = "--allure-results", paramLabel = "DIR", description = "Also write Allure results (with categories.json"
      + " and environment.properties) into DIR, for `allure generate DIR`.")
  Path allureResults;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local", description = "Where the examples are"
      + " compared: local (in this process, the default) or spark (on Spark executors, reading Parquet; see --master).")
  String engine;

  @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. local[2] or"
      + " yarn (default: what spark-submit set, else local[*]).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "With --engine spark: a Spark setting, e.g."
      + " spark.sql.shuffle.partitions=400 or spark.executor.memory=8g; repeatable.")
  java.util.Map<String, String> conf = new java.util.LinkedHashMap<>();

  @CommandLine.Mixin LedgerOption ledger;

  @Option(names = "--no-ledger", description = "Record the run in no ledger (and show no trend).")
  boolean noLedger;

  @Option(names = "--trend", paramLabel = "N", defaultValue = "5", description = "How many of the suite's last promotions"
      + " (on the same golden set) the report's trend and example churn show (default: ${DEFAULT-VALUE}).")
  int trendVersions;

  @Override
  public Integer call() throws IOException {
    Clock clock = Clock.systemUTC();
    String suiteName = suite.getFileName().toString().replace(".yaml", "");
    String runId = RunIds.next(clock.instant(), safe(suite.toAbsolutePath().getParent().getFileName() + "-" + suiteName)
        + (candidate == null ? "" : "-" + safe(candidate)));
    if (trendVersions < 1) {
      throw dev.flipgate.failure.Problem.at("--trend").expected("at least 1 promotion").found(String.valueOf(trendVersions))
          .whatToDo("give a positive count").configurationError("unusable --trend");
    }
    boolean local = engine.equals("local");
    if (local && (master != null || !conf.isEmpty())) {
      throw dev.flipgate.failure.Problem.at(master != null ? "--master" : "--conf").expected("--engine spark with it")
          .found("the local engine").whatToDo("add --engine spark, or leave out the Spark settings")
          .configurationError("a Spark setting without the Spark engine");
    }
    var remote = local ? null : dev.flipgate.run.GateEngines.named(engine); // an unknown engine fails before anything runs
    requireDirectory(out, "--out");
    requireDirectory(junitXml, "--junit-xml");
    requireDirectory(allureResults, "--allure-results");
    if (!noCache) {
      requireDirectory(cacheDirectory(), "--cache-dir");
    }
    Path directory = out != null ? out : uniqueDirectory(Path.of("reports", runId));
    // Before anything can fail: an earlier run's verdict in --out must not outlive this run.
    writing(directory, () -> RunOutputWriter.invalidateEarlierVerdict(directory));
    if (junitXml != null) {
      writing(junitXml, () -> Files.deleteIfExists(junitXml.resolve("TEST-flipgate.xml")));
    }
    // Opened before the models run: a ledger that cannot be reached fails the run at once.
    Optional<Ledger> records = noLedger ? Optional.empty()
        : Optional.of(Ledger.open(ledger.location(dev.flipgate.suite.SuiteReader.read(suite).ledger())));
    var progress = quiet ? dev.flipgate.run.ProgressListener.SILENT : new StderrProgress(spec.commandLine().getErr());
    RunResult result;
    if (local) {
      var runner = new GateRunner(clock, progress);
      if (!noCache) {
        runner = runner.cachingIn(cacheDirectory());
      }
      result = runner.run(suite, Optional.ofNullable(candidate), runId);
    } else {
      var options = new java.util.LinkedHashMap<>(conf);
      if (master != null) {
        options.put("master", master);
      }
      result = remote.run(new dev.flipgate.run.GateEngine.Request(suite, Optional.ofNullable(candidate), runId, clock,
          progress, options));
    }
    var trends = records.map(l -> l.trends(trendVersions)).orElse(dev.flipgate.report.result.TrendSource.NONE);
    try (var staged = writing(directory, () -> RunOutputWriter.stage(result, directory, trends))) {
      writeTestResults(result, staged.directory());
      // Recorded before the reports are in place: a run the ledger did not take leaves no verdict.
      records.ifPresent(ledgerOfRuns ->
          ledgerOfRuns.record(GateRunRecord.of(staged.document(), staged.flips(), suite, System.getenv())));
      writing(directory, staged::commit);
    }
    if (json) {
      // The very bytes of result.json: a pipeline reads the same document from stdout as from the file.
      spec.commandLine().getOut().print(Files.readString(directory.resolve(RunOutputWriter.RESULT)));
    } else {
      spec.commandLine().getOut().print(ConsoleSummary.render(result, directory));
    }
    spec.commandLine().getOut().flush();
    return result.decision().verdict() == Verdict.PROMOTE ? ExitCode.PROMOTE : ExitCode.BLOCK;
  }


  private Path cacheDirectory() {
    return cacheDir != null ? cacheDir : Path.of(System.getProperty("flipgate.cacheDir", ".flipgate/cache"));
  }

  /** An output step whose I/O failure is a runtime failure (exit 3) naming the directory, never a verdict. */
  private static <T> T writing(Path directory, IoStep<T> step) {
    try {
      return step.run();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new dev.flipgate.failure.ModelFailureException(dev.flipgate.failure.Problem.at(directory)
          .whatToDo("check the directory is writable and the disk has room, then run again")
          .says("cannot write the reports: " + e), e);
    }
  }

  private static void writing(Path directory, IoAction action) {
    writing(directory, () -> {
      action.run();
      return null;
    });
  }

  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  /** JUnit XML and Allure results of the same run, for CI systems that read those; before the reports are in place. */
  private void writeTestResults(RunResult result, Path stagedReports) {
    if (junitXml == null && allureResults == null) {
      return;
    }
    var errors = new java.io.PrintWriter(spec.commandLine().getErr(), true);
    TestReportFiles.write(SuiteReader.read(suite), result, stagedReports, Path.of("").toAbsolutePath(),
        Optional.ofNullable(junitXml), Optional.ofNullable(allureResults), errors);
    // The platform's XML listener and Allure's writer report a write failure on stderr only (or
    // not at all): never let it pass silently.
    if (junitXml != null && !Files.isRegularFile(junitXml.resolve("TEST-flipgate.xml"))) {
      throw new dev.flipgate.failure.ModelFailureException(dev.flipgate.failure.Problem.at(junitXml)
          .whatToDo("check the directory is writable and the disk has room, then run again")
          .says("the JUnit XML (TEST-flipgate.xml) was not written; the error is printed above"), null);
    }
    if (allureResults != null && !holdsAllureResults(allureResults)) {
      throw new dev.flipgate.failure.ModelFailureException(dev.flipgate.failure.Problem.at(allureResults)
          .expected("Allure result files (*-result.json) for the run's tests").found("none")
          .whatToDo("check the directory is writable and the disk has room, then run again")
          .says("the Allure results were not written"), null);
    }
  }

  private static boolean holdsAllureResults(Path directory) {
    try (var files = Files.list(directory)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith("-result.json"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static void requireDirectory(Path path, String option) {
    if (path != null && Files.exists(path) && !Files.isDirectory(path)) {
      throw dev.flipgate.failure.Problem.at(path).expected(option + ": a directory").found("a file")
          .whatToDo("name a directory (it is created if missing)").configurationError("cannot write there");
    }
  }

  private static Path uniqueDirectory(Path wanted) {
    Path candidatePath = wanted;
    for (int i = 2; Files.exists(candidatePath); i++) {
      candidatePath = wanted.resolveSibling(wanted.getFileName() + "-" + i);
    }
    return candidatePath;
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }

}
