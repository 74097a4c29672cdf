package dev.flipgate.cli;

import dev.flipgate.run.Recorder;
import dev.flipgate.suite.SuiteReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flipgate record SUITE}: store the deployed model's answers for gates that do not run it. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = "Runs the suite's deployed model once over its golden set and stores its answers, its identity and the"
        + " golden set's sha256 (default: recordings/<deployed name>.recording.jsonl beside the suite). A suite whose"
        + " deployed model is { type: recorded, file: … } then gates candidates without running it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:recorded", "2:bad usage or configuration", "3:runtime failure (the model failed)"})
final class RecordCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite whose deployed model to record.")
  Path suite;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the recording.")
  Path out;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    Path target = out != null ? out : Recorder.defaultFile(SuiteReader.read(suite));
    var progress = quiet ? dev.flipgate.run.ProgressListener.SILENT : new StderrProgress(spec.commandLine().getErr());
    var recording = new Recorder(Clock.systemUTC(), progress).record(suite, target);
    spec.commandLine().getOut().printf("recorded %s (sha256 %s) on golden set %s %s (sha256 %s) into %s%n",
        recording.model().name(), recording.model().sha256(), recording.goldenSet().name(), recording.goldenSet().version(),
        recording.goldenSet().sha256(), target);
    spec.commandLine().getOut().flush();
    return ExitCode.PROMOTE;
  }
}
