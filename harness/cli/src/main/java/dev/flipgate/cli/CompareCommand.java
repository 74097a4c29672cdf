package dev.flipgate.cli;

import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flipgate compare}: the gate from predictions alone, for a user who has both models'
 * answers from elsewhere (Python, a batch job) and wants the verdict, the reports and the exit code
 * without writing a manifest and a suite. It writes both — a golden set of the labels file and a
 * suite of the two predictions files with the default policy — into {@code OUT/suite/}, then runs
 * exactly that suite, so the user can keep, edit and re-run it.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Gates one predictions file against another on a labels file, with no suite to write: writes the golden"
        + " set and suite it uses into OUT/suite/ (keep and edit them), then runs that gate.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:PROMOTE", "1:BLOCK", "2:bad usage or input", "3:runtime failure"})
final class CompareCommand implements Callable<Integer> {
  /**
   * The default policy: at most 1% of examples newly wrong overall, accuracy down by at most 1 pp on
   * every slice, and a drop that is more than noise (McNemar, Holm-adjusted over the slices) blocks.
   */
  static final String DEFAULT_POLICY = """
      policy:
        rules:
          - { rule: max-negative-flip-rate, slices: [all], max: 0.01 }
          - { rule: max-metric-drop, metric: accuracy, slices: ["*"], max: 0.01 }
          - { rule: significant-accuracy-drop, slices: ["*"], alpha: 0.05, correction: holm-bonferroni }
      """;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--labels", required = true, paramLabel = "CSV", description = "The examples: columns id, label and any"
      + " others (the columns --slice-by names).")
  Path labels;

  @Option(names = "--deployed", required = true, paramLabel = "CSV", description = "The deployed model's predictions:"
      + " id, prediction[, score_<class> …].")
  Path deployed;

  @Option(names = "--candidate", required = true, paramLabel = "CSV", description = "The candidate's predictions, likewise.")
  Path candidate;

  @Option(names = "--slice-by", paramLabel = "COLUMN", description = "A column of the labels file: one slice per value"
      + " (repeatable).")
  List<String> sliceBy = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "default|FILE", defaultValue = "default", description = "The gate policy:"
      + " 'default' (NFR on all ≤ 1%%, accuracy drop ≤ 1 pp on every slice, no significant drop) or a YAML file holding"
      + " a policy: section.")
  String policy;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/compare", description = "Where the reports go;"
      + " the suite and golden set are written to DIR/suite/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @CommandLine.Mixin LedgerOption ledger;

  @Option(names = "--no-ledger", description = "Record the run in no ledger.")
  boolean noLedger;

  @Override
  public Integer call() throws IOException {
    for (Path file : List.of(labels, deployed, candidate)) {
      if (!Files.isRegularFile(file)) {
        throw Problem.at(file).expected("a CSV file").found("no such file").whatToDo("check the path")
            .configurationError("cannot compare");
      }
    }
    String policyText = policy.equals("default") ? DEFAULT_POLICY : policyFrom(Path.of(policy));
    Path suiteDirectory = out.resolve("suite");
    Files.createDirectories(suiteDirectory);
    Files.copy(labels, suiteDirectory.resolve("examples.csv"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(deployed, suiteDirectory.resolve("deployed.csv"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(candidate, suiteDirectory.resolve("candidate.csv"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(suiteDirectory.resolve("manifest.yaml"), manifest(suiteDirectory.resolve("examples.csv")));
    Path suite = suiteDirectory.resolve("suite.yaml");
    Files.writeString(suite, """
        # Written by `flipgate compare`: keep it, edit it, and run it with `flipgate gate %s`.
        name: compare
        goldenSet: .
        deployed: { type: predictions, name: %s, file: deployed.csv }
        candidates:
          candidate: { type: predictions, name: %s, file: candidate.csv }
        """.formatted(suite, quoted(name(deployed)), quoted(name(candidate))) + policyText);
    List<String> gate = new ArrayList<>(List.of("gate", suite.toString(), "--out", out.toString(), "--no-cache"));
    if (quiet) {
      gate.add("--quiet");
    }
    if (noLedger) {
      gate.add("--no-ledger");
    } else if (ledger.ledger != null) {
      gate.addAll(List.of("--ledger", ledger.ledger));
    }
    var root = spec.root().commandLine();
    // A command line of its own: the one running this command was built with this command alone.
    return FlipgateMain.execute(gate.toArray(String[]::new), root.getOut(), root.getErr());
  }

  /** A predictions-only golden set: the labels file's classes (with every answer the predictions give), and a slice a value. */
  private String manifest(Path examples) throws IOException {
    var classes = new TreeSet<String>();
    List<String> header = header(labels);
    for (String column : sliceBy) {
      if (!header.contains(column)) {
        throw Problem.at(labels).line(1).expected("--slice-by: a column of the labels file, one of " + header)
            .found("'" + column + "'").whatToDo("fix the column's name").configurationError("unknown slice column");
      }
    }
    var values = new java.util.LinkedHashMap<String, TreeSet<String>>();
    for (String column : sliceBy) {
      values.put(column, distinct(labels, column));
    }
    classes.addAll(distinct(labels, "label"));
    classes.addAll(distinct(deployed, "prediction"));
    classes.addAll(distinct(candidate, "prediction"));
    var text = new StringBuilder("# Written by `flipgate compare` from ").append(labels.getFileName()).append(".\n")
        .append("name: compare\nversion: \"1\"\nclasses: [").append(String.join(", ", classes.stream().map(CompareCommand::quoted)
            .toList())).append("]\nexamples: { file: examples.csv");
    List<String> metadata = header.stream().filter(c -> !c.equals("id") && !c.equals("label")).toList();
    if (!metadata.isEmpty()) {
      text.append(", metadata: [").append(String.join(", ", metadata.stream().map(CompareCommand::quoted).toList())).append("]");
    }
    text.append(" }\n");
    if (!sliceBy.isEmpty()) {
      text.append("slices:\n");
      values.forEach((column, seen) -> seen.forEach(value -> text.append("  - { name: ").append(quoted(sliceName(column, value)))
          .append(", where: { column: ").append(quoted(column)).append(", equals: ").append(quoted(value)).append(" } }\n")));
    }
    return text.toString();
  }

  private static List<String> header(Path file) throws IOException {
    try (var records = dev.flipgate.io.TableRecords.open(file)) {
      return records.header();
    }
  }

  /** The distinct values of {@code column}; a file without it is refused, naming it. */
  private static TreeSet<String> distinct(Path file, String column) throws IOException {
    var seen = new TreeSet<String>();
    try (var records = dev.flipgate.io.TableRecords.open(file)) {
      int at = records.header().indexOf(column);
      if (at < 0) {
        throw Problem.at(file).line(1).expected("a column '" + column + "'").found("columns " + records.header())
            .whatToDo("name the column " + column).configurationError("missing column");
      }
      while (records.next()) {
        seen.add(records.get(at));
      }
    }
    return seen;
  }

  private static String sliceName(String column, String value) {
    return (column + "-" + value).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
  }

  private static String policyFrom(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw Problem.at(file).expected("--policy: 'default' or a YAML file with a policy: section").found("no such file")
          .whatToDo("check the path").configurationError("unknown policy");
    }
    String text = Files.readString(file);
    if (!text.lines().anyMatch(line -> line.startsWith("policy:"))) {
      throw Problem.at(file).expected("a top-level policy: section, as in a suite").found("none")
          .whatToDo("write the rules under policy: (see README.md)").configurationError("no policy");
    }
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static String name(Path file) {
    return file.getFileName().toString().replaceFirst("\\.csv$", "");
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
