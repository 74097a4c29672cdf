package dev.flipgate.cli;

import dev.flipgate.failure.Problem;
import dev.flipgate.report.result.ResultDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flipgate annotate RESULT_DIR --github}: tells GitHub Actions what a finished gate found.
 * Appends summary.md to the job summary ({@code $GITHUB_STEP_SUMMARY}) and prints one workflow
 * command per reason: {@code ::error file=SUITE,title=RULE::MESSAGE}. Waived reasons become
 * {@code ::notice} lines and stale waivers {@code ::warning} lines. Exits with the gate's code:
 * 0 for PROMOTE, 1 for BLOCK.
 */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = "Reports a finished gate to a CI system: --github appends summary.md to $GITHUB_STEP_SUMMARY and prints an"
        + " ::error annotation per reason (file= the suite). Exits 0 for PROMOTE, 1 for BLOCK.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the run was a PROMOTE", "1:the run was a BLOCK", "2:no result to annotate"})
final class AnnotateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_DIR", description = "A finished run's output directory.")
  Path directory;

  @Option(names = "--github", required = true, description = "Write GitHub Actions workflow commands and the job summary.")
  boolean github;

  @Option(names = "--suite-file", paramLabel = "FILE", description = "The suite's path as the repository has it, for"
      + " the annotations' file= (default: the suite's name from result.json).")
  String suiteFile;

  @Override
  public Integer call() throws IOException {
    Path resultFile = directory.resolve("result.json");
    if (!Files.isRegularFile(resultFile)) {
      // A failed run leaves no result.json: there is nothing to report as passed or blocked.
      throw Problem.at(resultFile).expected("the result.json of a finished gate").found("no such file")
          .whatToDo("see the gate's own error above; it left no verdict").configurationError("nothing to annotate");
    }
    ResultDocument result = ReportCommand.read(resultFile);
    String file = suiteFile != null ? suiteFile : result.provenance().suite();
    var out = spec.commandLine().getOut();
    for (ResultDocument.Reason reason : result.reasons()) {
      out.println(GithubCommands.error(file, reason.rule(), reason.message()
          + reason.waivers().stream().map(w -> " — " + w.note()).reduce("", String::concat)));
    }
    for (ResultDocument.Reason waived : result.waived()) {
      out.println(GithubCommands.notice(file, "waived " + waived.rule(), waived.message()
          + waived.waivers().stream().map(w -> " — " + w.note()).reduce("", String::concat)));
    }
    result.waivers().stream().filter(w -> w.status().equals("stale"))
        .forEach(w -> out.println(GithubCommands.warning(w.file(), w.line(), "stale waiver", w.note())));
    String summaryPath = System.getenv("GITHUB_STEP_SUMMARY");
    Path summary = directory.resolve("summary.md");
    if (summaryPath != null && !summaryPath.isBlank() && Files.isRegularFile(summary)) {
      Files.writeString(Path.of(summaryPath), Files.readString(summary, StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    out.flush();
    return result.verdict().equals("PROMOTE") ? ExitCode.PROMOTE : ExitCode.BLOCK;
  }
}
