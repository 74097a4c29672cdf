package dev.flipgate.cli;

import dev.flipgate.failure.Problem;
import dev.flipgate.ledger.Ledger;
import dev.flipgate.ledger.LedgerLocation;
import dev.flipgate.suite.SuiteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flipgate history SUITE}: the suite's recorded gate runs, oldest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Prints every gate run of a suite that the ledger recorded, oldest first: when, the verdict, whether it"
        + " was promoted, the golden set's version, the two models, accuracy on the first slice, its negative flip rate and how many reasons"
        + " blocked.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:bad usage, or no run of the suite in the ledger", "3:the ledger cannot be read"})
final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE", description = "A suite file, or a suite's name as the ledger has it.")
  String suite;

  @CommandLine.Mixin LedgerOption ledger;

  @CommandLine.Option(names = "--versions", paramLabel = "N", defaultValue = "5",
      description = "How many of the last promotions the promotion line shows (default: ${DEFAULT-VALUE}).")
  int versions;

  @Override
  public Integer call() {
    var suiteFile = Files.isRegularFile(Path.of(suite)) ? java.util.Optional.of(SuiteReader.read(Path.of(suite)))
        : java.util.Optional.<dev.flipgate.suite.Suite>empty();
    String name = suiteFile.map(dev.flipgate.suite.Suite::name).orElse(suite);
    LedgerLocation location = ledger.location(suiteFile.flatMap(dev.flipgate.suite.Suite::ledger));
    if (location.isSqlite() && !Files.isRegularFile(location.sqliteFile())) {
      throw Problem.at(location.shown()).expected("a ledger file").found("none")
          .whatToDo("run `flipgate gate` first (it records each run), or name the ledger with --ledger")
          .configurationError("no ledger");
    }
    if (versions < 1) {
      throw Problem.at("--versions").expected("at least 1").found(String.valueOf(versions)).whatToDo("give a positive count")
          .configurationError("unusable --versions");
    }
    Ledger opened = Ledger.open(location);
    List<Ledger.RunSummary> runs = opened.runs(name);
    if (runs.isEmpty()) {
      throw Problem.at(location.shown()).expected("runs of the suite '" + name + "'").found("none")
          .whatToDo("check the suite's name (its `name:`), or the ledger").configurationError("no history");
    }
    var out = spec.commandLine().getOut();
    out.printf("%d %s of '%s' in %s, oldest first%n", runs.size(), runs.size() == 1 ? "run" : "runs", name, location.shown());
    out.printf("%-20s  %-8s  %-9s  %-9s  %-40s  %-19s  %-7s  %-11s  %s%n", "started", "verdict", "promoted", "golden",
        "deployed → candidate", "accuracy", "NFR", "reasons", "run");
    String version = null;
    for (Ledger.RunSummary run : runs) {
      if (version != null && !version.equals(run.goldenSetVersion())) {
        // Runs on different golden-set versions judged different examples: their numbers do not compare.
        out.printf("-- golden set version %s → %s: the runs below are on other examples, not comparable with those above%n",
            version, run.goldenSetVersion());
      }
      version = run.goldenSetVersion();
      out.printf("%-20s  %-8s  %-9s  %-9s  %-40s  %-19s  %-7s  %-11s  %s%n", toTheSecond(run.startedAt()), run.verdict(),
          run.promoted() ? "yes" : "", run.goldenSetVersion(), run.deployed() + " → " + run.candidate(), percent(run.deployedAccuracy()) + " → " + percent(run.candidateAccuracy()),
          run.n() == 0 ? "–" : percent((double) run.negativeFlips() / run.n()), run.reasons() + (run.waived() == 0 ? "" : " +" + run.waived() + " waived"), run.runId());
    }
    promotionLine(out, opened, name);
    out.flush();
    return 0;
  }

  /** The promoted versions, oldest first, with the headline metric per slice and the NFR of each promotion. */
  private void promotionLine(java.io.PrintWriter out, Ledger opened, String name) {
    var line = opened.promotionLine(name, "accuracy", versions).filter(l -> !l.slices().isEmpty())
        .or(() -> opened.promotionLine(name, "meanAbsoluteError", versions));
    if (line.isEmpty()) {
      out.println();
      out.println("no promotion yet: `flipgate promote RUN_ID` makes a PROMOTE run's candidate the deployed model of record");
      return;
    }
    var l = line.get();
    boolean accuracy = opened.promotionLine(name, "accuracy", 1).filter(x -> !x.slices().isEmpty()).isPresent();
    out.println();
    out.printf("promotion line (%s per slice; the first column is the model the oldest promotion shown replaced)%n",
        accuracy ? "accuracy" : "mean absolute error");
    if (l.promotionsOnOtherVersions() > 0) {
      out.printf("-- %d promotion(s) on other golden-set versions left out: they judged other examples%n",
          l.promotionsOnOtherVersions());
    }
    int width = Math.max(12, l.models().stream().mapToInt(String::length).max().orElse(12));
    int sliceWidth = Math.max(16, l.slices().keySet().stream().mapToInt(String::length).max().orElse(16));
    out.printf("%-" + sliceWidth + "s", "");
    l.models().forEach(m -> out.printf("  %" + width + "s", m));
    out.println();
    for (var slice : l.slices().entrySet()) {
      out.printf("%-" + sliceWidth + "s", slice.getKey());
      slice.getValue().forEach(v -> out.printf("  %" + width + "s",
          v == null ? "–" : accuracy ? percent(v) : String.format(Locale.ROOT, "%.4g", v)));
      out.println();
    }
    out.printf("%-" + sliceWidth + "s", "NFR");
    l.negativeFlipRates().forEach(v -> out.printf("  %" + width + "s", v == null ? "" : percent(v)));
    out.println();
  }

  /** 2026-11-30T17:52:36.998779771Z as 2026-11-30T17:52:36Z. */
  private static String toTheSecond(String instant) {
    return instant.length() > 19 ? instant.substring(0, 19) + "Z" : instant;
  }

  private static String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.2f%%", value * 100);
  }
}
