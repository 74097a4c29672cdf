package dev.flipgate.cli;

import dev.flipgate.gate.Verdict;
import dev.flipgate.report.ConsoleSummary;
import dev.flipgate.report.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
  private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file, e.g. golden-sets/mnist/suite.yaml.")
  Path suite;

  @Option(names = "--candidate", paramLabel = "NAME", description = "A candidate declared in the suite (default: its defaultCandidate).")
  String candidate;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: reports/<run-id>).")
  Path out;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Clock clock = Clock.systemUTC();
    String suiteName = suite.getFileName().toString().replace(".yaml", "");
    String runId = RUN_ID_TIME.format(clock.instant()) + "-" + safe(suite.toAbsolutePath().getParent().getFileName() + "-" + suiteName)
        + (candidate == null ? "" : "-" + safe(candidate));
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw dev.flipgate.failure.Problem.at(out).expected("--out: a directory for the reports").found("a file")
          .whatToDo("name a directory (it is created if missing)").configurationError("cannot write reports there");
    }
    var progress = quiet ? dev.flipgate.run.ProgressListener.SILENT : new StderrProgress(spec.commandLine().getErr());
    RunResult result = new GateRunner(clock, progress).run(suite, Optional.ofNullable(candidate), runId);
    Path directory = out != null ? out : uniqueDirectory(Path.of("reports", runId));
    try {
      RunOutputWriter.write(result, directory);
    } catch (IOException e) {
      throw new dev.flipgate.failure.ModelFailureException(dev.flipgate.failure.Problem.at(directory)
          .whatToDo("check the directory is writable and the disk has room, then run again")
          .says("cannot write the reports: " + e), e);
    }
    spec.commandLine().getOut().print(ConsoleSummary.render(result, directory));
    spec.commandLine().getOut().flush();
    return result.decision().verdict() == Verdict.PROMOTE ? ExitCode.PROMOTE : ExitCode.BLOCK;
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
