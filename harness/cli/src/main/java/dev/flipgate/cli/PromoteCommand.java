package dev.flipgate.cli;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.ledger.Ledger;
import dev.flipgate.ledger.LedgerLocation;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.run.Recorder;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flipgate promote RUN_ID}: the candidate of a PROMOTE run becomes the suite's deployed
 * model of record. Its answers are recorded (so later gates need not run it) and the ledger marks
 * the promotion — only while the models and the golden set are still the ones the run judged.
 */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = "Promotes a recorded PROMOTE run: checks the suite's golden set and the run's candidate still have the"
        + " sha256 the run judged, records the candidate's answers (default: recordings/<candidate name>.recording.jsonl"
        + " beside the suite) and marks the promotion in the ledger. Gate the next candidate against the recording with"
        + " deployed: { type: recorded, file: … }.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:promoted", "2:the run cannot be promoted (unknown, not PROMOTE, promoted already, or what it"
        + " judged changed)", "3:runtime failure (the model or the ledger failed)"})
final class PromoteCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to promote, as the ledger and result.json name it.")
  String runId;

  @CommandLine.Mixin LedgerOption ledger;

  @Option(names = "--recording", paramLabel = "FILE", description = "Where to record the candidate's answers.")
  Path recording;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    LedgerLocation location = ledger.location();
    Ledger runs = Ledger.open(location);
    Ledger.RunDetails run = runs.run(runId).orElseThrow(() -> Problem.at(location.shown()).expected("a run " + runId)
        .found("no such run").whatToDo("use a run id from `flipgate history` or a result.json").configurationError(
            "unknown run"));
    run.promotedAt().ifPresent(at -> {
      throw refusal("a run not promoted yet", "promoted at " + at, "gate a new candidate", "the run was promoted already");
    });
    if (!run.verdict().equals("PROMOTE")) {
      throw refusal("a PROMOTE run", "a " + run.verdict() + " with " + run.reasons() + " reasons",
          "only a candidate that passed the gate can be promoted", "the run did not pass");
    }
    // The run judged the candidate against the deployed model of its day. Another promotion since
    // replaced that model: this candidate was never compared with the one it would now replace.
    List<Ledger.Promotion> since = runs.promotionsSince(run.suite(), run.startedAt());
    if (!since.isEmpty()) {
      var later = since.get(since.size() - 1);
      throw refusal("no promotion of suite '" + run.suite() + "' since the run started (" + run.startedAt() + ")",
          "run " + later.runId() + " promoted " + later.candidateName() + " at " + later.promotedAt(),
          "gate the candidate again against the deployed model of record, then promote that run",
          "the deployed model of record changed since the run");
    }
    // A PROMOTE that rested on waivers holds only while they do: an expired one blocks again.
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    for (Ledger.AppliedWaiver waiver : runs.appliedWaivers(runId)) {
      if (today.isAfter(java.time.LocalDate.parse(waiver.expires()))) {
        throw refusal("waivers the run relied on still in force", "the waiver at " + waiver.file() + ":" + waiver.line()
            + " (" + waiver.owner() + ", " + waiver.ticket() + ") expired on " + waiver.expires(),
            "renew the waiver or fix the regression, then gate again", "a waiver the run relied on has expired");
      }
    }
    Path suiteFile = Path.of(run.suiteFile() == null ? "" : run.suiteFile());
    if (run.suiteFile() == null || !Files.isRegularFile(suiteFile)) {
      throw refusal("the suite file the run gated", String.valueOf(run.suiteFile()) + ", which is not there",
          "promote from the machine and checkout that gated the run", "the suite is gone");
    }
    Suite suite = SuiteReader.read(suiteFile);
    GoldenSet goldenSet = suite.loadGoldenSet();
    if (!goldenSet.sha256().equals(run.goldenSetSha256())) {
      throw refusal("golden set " + run.goldenSetName() + " " + run.goldenSetVersion() + " (sha256 " + run.goldenSetSha256() + ")",
          goldenSet.name() + " " + goldenSet.version() + " (sha256 " + goldenSet.sha256() + ")",
          "gate the candidate again on the golden set as it is now", "the golden set changed since the run");
    }
    ModelDeclaration candidate = suite.candidates().values().stream().filter(m -> m.name().equals(run.candidateName()))
        .findFirst().orElseThrow(() -> refusal("a candidate named '" + run.candidateName() + "' in " + suiteFile,
            "candidates " + suite.candidates().values().stream().map(ModelDeclaration::name).toList(),
            "promote from the suite that gated the run", "the candidate is no longer declared"));
    Path target = recording != null ? recording : Recorder.defaultFile(suite, candidate);
    var progress = quiet ? dev.flipgate.run.ProgressListener.SILENT : new StderrProgress(spec.commandLine().getErr());
    var recorder = new Recorder(Clock.systemUTC(), progress);
    // The candidate replaces the suite's deployed model as declared now: it must be the one the run compared it with.
    var deployedNow = recorder.identityOf(suite, goldenSet, suite.deployed());
    if (!java.util.Objects.equals(deployedNow.sha256(), run.deployedSha256())) {
      throw refusal("deployed model " + run.deployedName() + " with sha256 " + run.deployedSha256(),
          deployedNow.name() + " with sha256 " + deployedNow.sha256(), "gate the candidate against the deployed model as it"
              + " is now, then promote that run", "the suite's deployed model changed since the run");
    }
    var recorded = recorder.record(suite, goldenSet, candidate, "candidate", target, identity -> {
      if (!identity.sha256().equals(run.candidateSha256())) {
        throw refusal("candidate " + run.candidateName() + " with sha256 " + run.candidateSha256(), "sha256 " + identity.sha256(),
            "gate the candidate as it is now, then promote that run", "the candidate changed since the run");
      }
    });
    if (!runs.promote(runId, run.suite(), Clock.systemUTC().instant().toString(), System.getProperty("user.name", "unknown"),
        target.toAbsolutePath().toString())) {
      throw refusal("a run not promoted yet", "promoted by another job just now", "nothing to do", "the run was promoted already");
    }
    var out = spec.commandLine().getOut();
    out.printf("promoted %s: %s (sha256 %s) is the deployed model of record of suite '%s' on golden set %s %s%n", runId,
        run.candidateName(), recorded.model().sha256(), run.suite(), goldenSet.name(), goldenSet.version());
    out.printf("  deployed model: %s → %s%n", run.deployedName(), run.candidateName());
    out.printf("  its answers: %s%n", target.toAbsolutePath());
    out.printf("  gate the next candidate against them with: deployed: { type: recorded, name: %s, file: %s }%n",
        run.candidateName(), suite.file().getParent().toAbsolutePath().relativize(target.toAbsolutePath()));
    out.flush();
    return 0;
  }

  private dev.flipgate.failure.ConfigurationException refusal(String expected, String found, String whatToDo, String summary) {
    return Problem.at("run " + runId).expected(expected).found(found).whatToDo(whatToDo).configurationError(
        "cannot promote: " + summary);
  }
}
