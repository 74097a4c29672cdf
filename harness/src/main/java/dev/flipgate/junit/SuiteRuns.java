package dev.flipgate.junit;

import dev.flipgate.report.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * How the engine gets a suite's gate run: by running it now and writing its reports, or — when
 * the CLI has already run the gate — by taking over that run, so nothing is computed twice.
 */
interface SuiteRuns {

  /** A finished run and the directory its reports were written to. */
  record Completed(RunResult result, Path reportDirectory) {}

  Completed run(SuiteDescriptor suite) throws IOException;

  /** Runs the gate and writes the reports under {@code outputDirectory}, one directory per suite. */
  static SuiteRuns running(Path outputDirectory) {
    return suite -> {
      var loaded = suite.loaded().orElseThrow();
      String runId = suite.getLegacyReportingName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
      RunOutputWriter.invalidateEarlierVerdict(outputDirectory.resolve(runId));
      RunResult result = new GateRunner(Clock.systemUTC(), ProgressListener.SILENT)
          .run(loaded.suite(), loaded.goldenSet(), suite.candidate(), runId);
      Path directory = outputDirectory.resolve(runId);
      RunOutputWriter.write(result, directory);
      return new Completed(result, directory);
    };
  }
}
