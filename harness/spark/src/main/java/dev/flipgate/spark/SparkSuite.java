package dev.flipgate.spark;

import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.declaration.DeclarationSchema;
import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;

/**
 * What the Spark engine needs of a suite, checked before any Spark job: a classification golden
 * set of examples (no adversarial examples, no human baseline) and two models whose answers are
 * predictions files; each refusal says what to do instead, so nothing is gated half.
 */
record SparkSuite(Path suiteFile, Path manifestFile, ParquetSources sources, List<String> classes, String tagsColumn,
    List<String> criticalIds, ModelDeclaration deployed, ModelDeclaration candidate) {
  /** A URI scheme of two characters or more: {@code C:\\…} is a Windows path, not a scheme. */
  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  static SparkSuite of(Suite suite, ModelDeclaration candidate) {
    Path manifestFile = suite.goldenSetDirectory().resolve(GoldenSetLoader.MANIFEST);
    var manifest = YamlDeclarationReader.read(manifestFile, GoldenSetManifest.class, "golden-set manifest",
        DeclarationSchema.MANIFEST);
    if (manifest.examples() == null || manifest.examples().file() == null) {
      throw Problem.at(manifestFile).expected("an 'examples' key with its file").whatToDo("add it (see README.md)")
          .configurationError("the manifest lacks 'examples'");
    }
    if ("regression".equals(manifest.task())) {
      refuse(manifestFile, "task", "a classification golden set", "task: regression");
    }
    if (manifest.examples().humanColumn() != null) {
      refuse(manifestFile, "examples.humanColumn", "no human baseline", "humanColumn");
    }
    if (!suite.attacks().isEmpty()) {
      refuse(suite.file(), "attacks", "no attacks (they ask the models new inputs)", "attacks");
    }
    if (!suite.perturbations().isEmpty()) {
      refuse(suite.file(), "perturbations", "no generated perturbations (they ask the models new inputs)", "perturbations");
    }
    String deployed = predictions(suite.file(), suite.deployed(), "deployed");
    String candidatePath = predictions(suite.file(), candidate, "candidates");
    String examples = location(manifestFile, manifest.examples().file(), "examples file", true);
    var declared = manifest.examples();
    var sources = new ParquetSources(examples, declared.idColumn() == null ? "id" : declared.idColumn(),
        declared.labelColumn() == null ? "label" : declared.labelColumn(), deployed, candidatePath);
    List<String> critical = manifest.critical() == null || manifest.critical().ids() == null ? List.of()
        : List.copyOf(new java.util.LinkedHashSet<>(manifest.critical().ids()));
    return new SparkSuite(suite.file(), manifestFile, sources, manifest.classes() == null ? List.of() : manifest.classes(),
        declared.tagsColumn(), critical, suite.deployed(), candidate);
  }

  /**
   * The golden set holding {@code excerpt}'s rows, loaded by the local loader (which checks the
   * manifest and locates its faults) from a CSV written for it.
   */
  GoldenSet excerpt(DistributedAnswers.Excerpt excerpt, DataIdentity examples) {
    try {
      Path directory = Files.createTempDirectory("flipgate-spark-excerpt-");
      Path rows = directory.resolve("examples.csv");
      try {
        try (var out = new CSVPrinter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8),
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
          out.printRecord(excerpt.columns());
          int columns = excerpt.columns().size();
          for (Row row : excerpt.rows()) {
            Object[] values = new Object[columns];
            for (int i = 0; i < columns; i++) {
              values[i] = row.getString(i);
            }
            out.printRecord(values);
          }
        }
        return GoldenSetLoader.loadExcerpt(manifestFile, new GoldenSetLoader.Excerpt(rows, examples.name(), examples.sha256()));
      } finally {
        Files.deleteIfExists(rows);
        Files.deleteIfExists(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the driver's excerpt of the golden set", e);
    }
  }

  /** Where a model's answers are: its predictions file, or (an ONNX model run on the executors) where messages say they come from. */
  private static String predictions(Path suiteFile, ModelDeclaration model, String role) {
    if (model instanceof ModelDeclaration.Onnx) {
      return "the " + role.replaceAll("s$", "") + " model '" + model.name() + "' (ONNX, run on the executors)";
    }
    if (!(model instanceof ModelDeclaration.PredictionsFile file)) {
      throw Problem.at(suiteFile).part(role).expected("type: predictions (a Parquet file or directory of the model's"
              + " answers, columns id, prediction) or type: onnx (run on the executors)")
          .found("'" + model.name() + "', a model served or run as a process").whatToDo("write the model's answers as"
              + " Parquet predictions (batch inference), or gate with the local engine (leave out --engine)")
          .configurationError("the Spark engine does not run this kind of model");
    }
    return location(suiteFile, file.file(), "predictions file", false);
  }

  /** A path Spark reads: a URI as written, a relative path as a local file beside the declaring file. */
  private static String location(Path declaringFile, String declared, String whatItIs, boolean confined) {
    if (URI.matcher(declared).matches()) {
      return declared;
    }
    // A Parquet file, or a directory of part files as Spark writes them.
    Path file = DeclaredPaths.resolve(declaringFile, declared, whatItIs);
    if (!Files.exists(file)) {
      throw Problem.at(declaringFile).expected("the " + whatItIs + " '" + declared + "'").found("nothing at " + file)
          .whatToDo("fix the path, which is relative to " + file.getParent()).configurationError("missing " + whatItIs);
    }
    if (confined) {
      DeclaredPaths.requireInside(declaringFile, declaringFile.toAbsolutePath().getParent(), file, whatItIs);
    }
    return file.toAbsolutePath().toUri().toString();
  }

  private static void refuse(Path file, String part, String expected, String found) {
    throw Problem.at(file).part(part).expected(expected + " on the Spark engine").found(found)
        .whatToDo("gate this suite with the local engine (leave out --engine)")
        .configurationError("not gated on the Spark engine yet");
  }
}
