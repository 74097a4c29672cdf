package dev.flipgate.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.io.AtomicFiles;
import dev.flipgate.report.SummaryMarkdown;
import dev.flipgate.report.html.HtmlReport;
import dev.flipgate.report.result.ResultDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flipgate report RESULT_DIR}: re-renders report.html and summary.md from a saved
 * result.json, e.g. after an upgrade of the harness. The gallery shows the examples themselves, so
 * it needs {@code --golden-set}, the one the run used (same sha256); without it the command
 * refuses (exit 2) unless {@code --without-examples} says a report without them is wanted.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Re-renders report.html and summary.md in RESULT_DIR from its result.json.")
final class ReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_DIR", description = "A run's output directory, holding result.json.")
  Path directory;

  @Option(names = "--golden-set", paramLabel = "DIR",
      description = "The golden set the run used, to show its examples in the gallery.")
  Path goldenSetDirectory;

  @Option(names = "--suite", paramLabel = "FILE", description = "The suite that gated the run (same sha256), instead of"
      + " --golden-set: its golden set with the examples its perturbations generate, made again by its seed.")
  Path suiteFile;

  @Option(names = "--without-examples",
      description = "Render without the golden set: the gallery then lists flipped examples by id, not as the examples themselves.")
  boolean withoutExamples;

  @Override
  public Integer call() throws IOException {
    Path resultFile = directory.resolve("result.json");
    if (!Files.isRegularFile(resultFile)) {
      throw Problem.at(resultFile).expected("a result.json written by flipgate gate").found("no such file")
          .whatToDo("pass the directory of a finished run").configurationError("nothing to report");
    }
    ResultDocument result = read(resultFile);
    if (suiteFile != null && goldenSetDirectory != null) {
      throw Problem.at(suiteFile).expected("--suite or --golden-set").found("both").whatToDo("pass one")
          .configurationError("two golden sets");
    }
    if (suiteFile != null) {
      String sha256 = dev.flipgate.io.Sha256.ofFile(suiteFile);
      if (!sha256.equals(result.provenance().suiteSha256())) {
        throw Problem.at(suiteFile).expected("the suite the run used (sha256 " + result.provenance().suiteSha256() + ")")
            .found("sha256 " + sha256).whatToDo("pass that suite, or --golden-set").configurationError("the suite changed since the run");
      }
    }
    if (goldenSetDirectory == null && suiteFile == null && !withoutExamples) {
      // Re-rendering without the golden set would silently drop every image and row from the gallery.
      throw Problem.at(directory).expected("--golden-set DIR: the golden set the run used (sha256 "
              + result.provenance().goldenSet().sha256() + "), whose examples the report shows")
          .found("no --golden-set").whatToDo("pass --golden-set, or --without-examples to render the report without them")
          .configurationError("the report would lose its examples");
    }
    Optional<GoldenSet> goldenSet = suiteFile != null ? Optional.of(dev.flipgate.suite.SuiteReader.read(suiteFile).loadGoldenSet())
        : Optional.ofNullable(goldenSetDirectory).map(GoldenSetLoader::load);
    goldenSet.ifPresent(g -> {
      var known = new java.util.HashSet<String>();
      g.adversarialExamples().forEach(a -> known.add(a.id()));
      result.adversarialFailures().stream().map(ResultDocument.AdversarialFailure::id).filter(id -> !known.contains(id))
          .findFirst().ifPresent(id -> {
            throw Problem.at(directory).expected("adversarial example " + id + " in the golden set")
                .found("it is not there: the run's suite generated it").whatToDo("pass --suite, the suite that gated the run")
                .configurationError("the report would lose its examples");
          });
      if (!g.sha256().equals(result.provenance().goldenSet().sha256())) {
        throw Problem.at(goldenSetDirectory).expected("golden set sha256 " + result.provenance().goldenSet().sha256())
            .found(g.sha256()).whatToDo("pass the golden set version the run used, or leave --golden-set out")
            .configurationError("the golden set changed since the run");
      }
    });
    AtomicFiles.write(directory.resolve("summary.md"), SummaryMarkdown.render(result).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(directory.resolve("report.html"), HtmlReport.render(result, goldenSet).getBytes(StandardCharsets.UTF_8));
    spec.commandLine().getOut().println("wrote " + directory.resolve("report.html") + " and " + directory.resolve("summary.md"));
    return ExitCode.PROMOTE;
  }

  /** A saved result.json, refused (exit 2, naming it) when unreadable or of another schema version. */
  static ResultDocument read(Path file) {
    try {
      // The published schema first: a hand-edited or truncated result.json is refused at the line it breaks.
      String text = java.nio.file.Files.readString(file);
      var document = dev.flipgate.declaration.LocatedYaml.read(text, JSON);
      if (document != null && document.isObject()) {
        dev.flipgate.declaration.DeclarationSchema.RESULT.check(file, document, "result.json");
      }
      ResultDocument result = JSON.readValue(text, ResultDocument.class);
      if (result.schemaVersion() != ResultDocument.SCHEMA_VERSION) {
        throw Problem.at(file).expected("schemaVersion " + ResultDocument.SCHEMA_VERSION + ", as this harness writes")
            .found(String.valueOf(result.schemaVersion())).whatToDo("re-run the gate with this harness")
            .configurationError("unsupported result.json");
      }
      return result;
    } catch (IOException e) {
      throw new ConfigurationException(Problem.at(file).whatToDo("check the file is a complete result.json")
          .says("cannot read: " + e.getMessage()), e);
    }
  }
}
