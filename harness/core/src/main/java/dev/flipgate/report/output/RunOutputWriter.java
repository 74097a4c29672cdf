package dev.flipgate.report.output;

import dev.flipgate.io.AtomicFiles;
import dev.flipgate.report.FlipsFile;
import dev.flipgate.report.ResultJson;
import dev.flipgate.report.SummaryMarkdown;
import dev.flipgate.report.html.HtmlReport;
import dev.flipgate.report.result.ResultDocument;
import dev.flipgate.report.result.ResultDocuments;
import dev.flipgate.report.result.TrendSource;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run's reports so that a verdict on disk always belongs to a run that finished. The
 * files are first written into a staging directory inside the output directory (hidden, named
 * {@code .staging-…}); only when every output of the run — the JUnit XML and Allure results
 * included — has been written are they moved into place, {@code result.json} last. A run that
 * fails leaves its staging directory removed and no {@code result.json}.
 *
 * <p>An output directory that still holds an earlier run's {@code result.json} loses it the moment
 * a new run into it starts ({@link #invalidateEarlierVerdict}): a CI step that reads the file
 * after a failed run must find nothing, not the earlier run's PROMOTE.
 */
public final class RunOutputWriter {
  public static final String RESULT = "result.json";

  private RunOutputWriter() {}

  /** Removes the verdict an earlier run left in {@code directory}, before this run can fail. */
  public static void invalidateEarlierVerdict(Path directory) throws IOException {
    Files.deleteIfExists(directory.resolve(RESULT));
  }

  /** Writes every report into a staging directory under {@code directory}; nothing is in place yet. */
  public static Staged stage(RunResult result, Path directory) throws IOException {
    return stage(result, directory, TrendSource.NONE);
  }

  /** As {@link #stage(RunResult, Path)}, with the trend across the suite's promoted versions. */
  public static Staged stage(RunResult result, Path directory, TrendSource trends) throws IOException {
    Files.createDirectories(directory);
    Path staging = Files.createTempDirectory(directory, ".staging-");
    // summary.md first, result.json last: a result.json means the run's reports are complete.
    var flips = ResultDocuments.flips(result);
    var plain = ResultDocuments.of(result, flips);
    var document = trends.trendOf(plain, flips).map(plain::withTrend).orElse(plain);
    var staged = new Staged(directory, staging, document, flips);
    try {
      // flips.csv.gz on another core while the reports render: at a million examples each is
      // about a second. Both finish before result.json is written.
      var flipsFile = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          FlipsFile.write(staging.resolve(ResultDocument.FLIPS_FILE), flips);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      try {
        AtomicFiles.write(staging.resolve("summary.md"), SummaryMarkdown.render(document).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(staging.resolve("report.html"),
            HtmlReport.render(document, java.util.Optional.of(result.goldenSet())).getBytes(StandardCharsets.UTF_8));
      } finally {
        awaitQuietly(flipsFile); // never leave it writing into a staging directory being removed
      }
      await(flipsFile);
      for (var side : result.sideOutputs().entrySet()) {
        AtomicFiles.write(staging.resolve("stderr-" + side.getKey() + ".log"), side.getValue().getBytes(StandardCharsets.UTF_8));
      }
      AtomicFiles.write(staging.resolve(RESULT), ResultJson.render(document));
      return staged;
    } catch (IOException | RuntimeException e) {
      staged.close();
      throw e;
    }
  }

  private static void awaitQuietly(java.util.concurrent.CompletableFuture<Void> task) {
    try {
      task.join();
    } catch (java.util.concurrent.CompletionException e) {
      // Reported by await, when the reports themselves were written.
    }
  }

  /** Waits for {@code task}, rethrowing its failure as it was thrown. */
  private static void await(java.util.concurrent.CompletableFuture<Void> task) throws IOException {
    try {
      task.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /** A run's reports, written but not yet in place. Closing without {@link #commit} discards them. */
  public static final class Staged implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final ResultDocument document;
    private final List<ResultDocument.Outcome> flips;

    private Staged(Path target, Path staging, ResultDocument document, List<ResultDocument.Outcome> flips) {
      this.target = target;
      this.staging = staging;
      this.document = document;
      this.flips = flips;
    }

    /** The result document the reports were made from (for the ledger, so it is not made twice). */
    public ResultDocument document() {
      return document;
    }

    /** Every flip of the run, as flips.csv.gz lists them (a view, made again as it is read). */
    public List<ResultDocument.Outcome> flips() {
      return flips;
    }

    /** Where the staged reports are, for outputs that attach them (Allure) before they are in place. */
    public Path directory() {
      return staging;
    }

    /** Moves every staged file into the output directory, result.json last. */
    public void commit() throws IOException {
      List<Path> files;
      try (Stream<Path> listing = Files.list(staging)) {
        files = listing.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals(RESULT))).toList();
      }
      for (Path file : files) {
        try {
          Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    /** Removes the staging directory and whatever is still in it. */
    @Override
    public void close() throws IOException {
      if (!Files.exists(staging)) {
        return;
      }
      try (Stream<Path> files = Files.walk(staging)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
