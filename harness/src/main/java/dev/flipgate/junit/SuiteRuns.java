package dev.flipgate.junit;

import dev.flipgate.report.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import dev.flipgate.ledger.GateRunRecord;
import dev.flipgate.ledger.Ledger;
import dev.flipgate.report.result.ResultDocuments;

/**
 * How the engine gets a suite's gate run: by running it now and writing its reports, or — when
 * the CLI has already run the gate — by taking over that run, so nothing is computed twice.
 */
interface SuiteRuns {

  /** A finished run and the directory its reports were written to. */
  record Completed(RunResult result, Path reportDirectory) {}

  Completed run(SuiteDescriptor suite) throws IOException;

  /**
   * Runs the gate, records it in {@code ledger} (when there is one; opened when first needed, so a
   * CLI run handed over opens none) and writes the reports under
   * {@code outputDirectory}, one directory per suite (named by the suite; the run id adds the time
   * and four random hex digits, as the ledger keys runs by it).
   */
  static SuiteRuns running(Path outputDirectory, java.util.function.Supplier<Optional<Ledger>> ledger) {
    return suite -> {
      var loaded = suite.loaded().orElseThrow();
      String name = suite.getLegacyReportingName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
      Clock clock = Clock.systemUTC();
      String runId = name + "-" + RUN_ID_TIME.format(clock.instant()) + "-"
          + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
      Path directory = outputDirectory.resolve(name);
      RunOutputWriter.invalidateEarlierVerdict(directory);
      RunResult result = new GateRunner(clock, ProgressListener.SILENT)
          .run(loaded.suite(), loaded.goldenSet(), suite.candidate(), runId);
      // Recorded before the reports are written, as the CLI does: a run the ledger did not take leaves no verdict.
      ledger.get().ifPresent(runs -> {
        var flips = ResultDocuments.flips(result);
        runs.record(GateRunRecord.of(ResultDocuments.of(result, flips), flips, loaded.suite().file(), System.getenv()));
      });
      RunOutputWriter.write(result, directory);
      return new Completed(result, directory);
    };
  }

  java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  java.time.format.DateTimeFormatter RUN_ID_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
}
