package dev.flipgate.report;

import dev.flipgate.io.AtomicFiles;
import dev.flipgate.report.html.HtmlReport;
import dev.flipgate.report.result.ResultDocuments;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a run's reports into its output directory, each file atomically. */
public final class RunOutputWriter {
  private RunOutputWriter() {}

  public static void write(RunResult result, Path directory) throws IOException {
    // summary.md first, result.json last: a result.json on disk means the run's reports are complete.
    var document = ResultDocuments.of(result);
    AtomicFiles.write(directory.resolve("summary.md"), SummaryMarkdown.render(document).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(directory.resolve("report.html"),
        HtmlReport.render(document, java.util.Optional.of(result.goldenSet())).getBytes(StandardCharsets.UTF_8));
    for (var side : result.sideOutputs().entrySet()) {
      AtomicFiles.write(directory.resolve("stderr-" + side.getKey() + ".log"), side.getValue().getBytes(StandardCharsets.UTF_8));
    }
    AtomicFiles.write(directory.resolve("result.json"), ResultJson.render(document));
  }
}
