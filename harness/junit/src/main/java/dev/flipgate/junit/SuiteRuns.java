package dev.flipgate.junit;

import dev.flipgate.report.output.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.RunIds;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import dev.flipgate.ledger.GateRunRecord;
import dev.flipgate.ledger.Ledger;

/**
 * How the engine gets a suite's gate run: by running it now and writing its reports, or — when
 * the CLI has already run the gate — by taking over that run, so nothing is computed twice.
 */
interface SuiteRuns {

  /** A finished run and the directory its reports were written to. */
  record Completed(RunResult result, Path reportDirectory) {}

  Completed run(SuiteDescriptor suite) throws IOException;

  /**
   * Runs the gate, records it in the suite's {@code ledger} (when there is one; opened when first
   * needed, so a CLI run handed over opens none) and writes the reports under
   * {@code outputDirectory}, one directory per suite (named by the suite; its run id is a
   * {@link RunIds#next}).
   */
  /** The promotions a suite's report shows in its trend, as the CLI does by default. */
  int TREND_VERSIONS = 5;

  static SuiteRuns running(Path outputDirectory,
      java.util.function.Function<dev.flipgate.suite.Suite, Optional<Ledger>> ledger) {
    return suite -> {
      var loaded = suite.loaded().orElseThrow();
      String name = suite.getLegacyReportingName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
      Clock clock = Clock.systemUTC();
      String runId = RunIds.next(clock.instant(), name);
      Path directory = outputDirectory.resolve(name);
      RunOutputWriter.invalidateEarlierVerdict(directory);
      RunResult result = new GateRunner(clock, ProgressListener.SILENT)
          .run(loaded.suite(), loaded.goldenSet(), suite.candidate(), runId);
      var records = ledger.apply(loaded.suite());
      var trends = records.map(l -> l.trends(TREND_VERSIONS)).orElse(dev.flipgate.report.result.TrendSource.NONE);
      try (var staged = RunOutputWriter.stage(result, directory, trends)) {
        // Recorded before the reports are in place, as the CLI does: a run the ledger did not take leaves no verdict.
        records.ifPresent(runs ->
            runs.record(GateRunRecord.of(staged.document(), staged.flips(), loaded.suite().file(), System.getenv())));
        staged.commit();
      }
      return new Completed(result, directory);
    };
  }

}
