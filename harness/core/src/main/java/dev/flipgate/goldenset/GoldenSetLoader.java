package dev.flipgate.goldenset;

import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import dev.flipgate.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a golden set from its directory ({@code manifest.yaml} plus the data files it names)
 * and validates everything a later step relies on, so a bad golden set fails before any model
 * runs. Every error names the file, the line or example id, and what to do.
 */
public final class GoldenSetLoader {
  public static final String MANIFEST = "manifest.yaml";

  private GoldenSetLoader() {}

  /**
   * {@code location} is the golden set's directory or its manifest file. A golden set with a lock
   * ({@link GoldenSetLock}) must match it.
   */
  public static GoldenSet load(Path location) {
    return read(location, true, null).goldenSet();
  }

  /**
   * The golden set at {@code location} holding only an excerpt of its examples: what an engine
   * that never brings every example to one machine (Spark) reads on its driver — the rows its
   * reports and rules name (flips, critical and waived examples), counted and checked in full
   * where the data is. The manifest is read and checked as by {@link #load}; the golden set's
   * identity and its lock are of the data files' hashes as {@code excerpt} gives them, computed
   * where the files are.
   */
  public static GoldenSet loadExcerpt(Path location, Excerpt excerpt) {
    return read(location, true, excerpt).goldenSet();
  }

  /**
   * @param rows a data file with the columns of the examples file, holding some of its rows (possibly none)
   * @param examplesName how the examples file is named in the golden set's identity (its file name)
   * @param examplesSha256 the SHA-256 of the examples file's bytes
   */
  public record Excerpt(Path rows, String examplesName, String examplesSha256) {}

  /**
   * The lock of the golden set at {@code location} as its data files are now (what
   * {@code flipgate lock} writes); the golden set is validated, its existing lock not checked.
   */
  public static GoldenSetLock currentLock(Path location) {
    Loaded loaded = read(location, false, null);
    return new GoldenSetLock(loaded.goldenSet().version(), loaded.dataFiles());
  }

  /** A golden set and the sha256 of each of its data files (the manifest left out), by file name. */
  private record Loaded(GoldenSet goldenSet, Map<String, String> dataFiles) {}

  /** The lock beside the manifest at {@code location}, if any. */
  public static java.util.Optional<GoldenSetLock> existingLock(Path location) {
    return GoldenSetLock.of(Files.isDirectory(location) ? location.resolve(MANIFEST) : location);
  }

  /** The hash computed beside the read, its failure rethrown as {@link Sha256#ofFile} throws it. */
  private static String joined(java.util.concurrent.CompletableFuture<String> hash) {
    try {
      return hash.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * @param checkLock false only to write a new lock ({@code flipgate lock})
   * @param excerpt the rows to hold instead of the examples file's, or null for all of them
   */
  private static Loaded read(Path location, boolean checkLock, Excerpt excerpt) {
    Path manifestFile = Files.isDirectory(location) ? location.resolve(MANIFEST) : location;
    if (Files.isDirectory(location) && Files.exists(manifestFile)) {
      DeclaredPaths.requireInside(manifestFile, location, manifestFile, "manifest");
    }
    GoldenSetManifest manifest = YamlDeclarationReader.read(manifestFile, GoldenSetManifest.class, "golden-set manifest", dev.flipgate.declaration.DeclarationSchema.MANIFEST);
    requireDeclared(manifestFile, manifest.name(), "name");
    requireDeclared(manifestFile, manifest.examples(), "examples");
    Task task = task(manifestFile, manifest);
    List<String> classes = task.isRegression() ? List.of() : validClasses(manifestFile, manifest.classes());
    InputColumns input = InputColumns.of(manifest.input(), manifestFile);

    Path examplesFile = excerpt != null ? excerpt.rows()
        : DeclaredPaths.resolveConfined(manifestFile, manifest.examples().file(), "examples file");
    // The examples file is hashed on the other core while it is read: at a million rows each is a pass over the file.
    var examplesHash = excerpt != null ? null
        : java.util.concurrent.CompletableFuture.supplyAsync(() -> Sha256.ofFile(examplesFile));
    ExampleTable examples = new ExamplesReader(manifest.examples(), input, classes, task).read(examplesFile, excerpt == null);
    Map<String, Example> byId = examples.byId();

    List<SliceDefinition> slices = new SliceDeclarations(manifestFile, examplesFile, examples).convert(manifest.slices());
    var adversarial = manifest.adversarial();
    Map<String, String> perturbations = new LinkedHashMap<>();
    List<AdversarialExample> adversarialExamples = List.of();
    List<Path> dataFiles = new ArrayList<>(List.of(manifestFile, examplesFile));
    if (adversarial != null && excerpt != null) {
      throw Problem.at(manifestFile).part("adversarial").expected("a golden set of examples only, on this engine")
          .found("adversarial examples").whatToDo("gate the adversarial examples with the local engine (leave out --engine)")
          .configurationError("adversarial examples are not gated on this engine");
    }
    if (adversarial != null) {
      if (adversarial.perturbations() != null) {
        adversarial.perturbations().forEach(p -> perturbations.put(p.name(), p.description() == null ? "" : p.description()));
      }
      Path adversarialFile = DeclaredPaths.resolveConfined(manifestFile, adversarial.file(), "adversarial examples file");
      adversarialExamples = new AdversarialReader(input, byId, perturbations.keySet()).read(adversarialFile);
      dataFiles.add(adversarialFile);
    }
    List<String> critical = criticalIds(manifestFile, manifest.critical(), byId);
    String version = manifest.version() == null ? "unversioned" : manifest.version();
    Map<String, String> sha256OfFile = new LinkedHashMap<>();
    for (Path file : dataFiles) {
      boolean excerpted = excerpt != null && file.equals(examplesFile);
      sha256OfFile.put(excerpted ? excerpt.examplesName() : file.getFileName().toString(),
          excerpted ? excerpt.examplesSha256() : examplesHash != null && file.equals(examplesFile) ? joined(examplesHash)
              : Sha256.ofFile(file));
    }
    // Data files only: the manifest itself holds the version the lock is checked against.
    Map<String, String> data = new LinkedHashMap<>(sha256OfFile);
    data.remove(manifestFile.getFileName().toString());
    if (checkLock) {
      GoldenSetLock.of(manifestFile).ifPresent(lock -> lock.check(manifestFile, version, data));
    }
    return new Loaded(new GoldenSet(
        manifest.name(),
        version,
        manifest.description() == null ? "" : manifest.description(),
        task,
        identity(sha256OfFile),
        manifestFile.toAbsolutePath().getParent(),
        classes,
        positiveClass(manifestFile, manifest.positiveClass(), classes),
        input.names(),
        displayColumn(manifestFile, manifest.examples()),
        humanColumn(manifestFile, examplesFile, manifest.examples(), task, classes, examples),
        InputLayout.of(manifest.input(), manifestFile),
        examples,
        slices,
        adversarialExamples,
        perturbations,
        critical,
        manifest.critical() == null || manifest.critical().reason() == null ? "" : manifest.critical().reason(),
        Map.of()), data);
  }

  /** SHA-256 over each file's name and SHA-256, so renaming or editing any part changes it. */
  private static String identity(Map<String, String> sha256OfFile) {
    var text = new StringBuilder();
    sha256OfFile.forEach((name, sha256) -> text.append(name).append(' ').append(sha256).append('\n'));
    return Sha256.ofBytes(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static List<String> validClasses(Path manifestFile, List<String> classes) {
    if (classes == null || classes.size() < 2) {
      throw Problem.at(manifestFile).expected("classes: a list of at least two class names")
          .found(String.valueOf(classes)).whatToDo("list the class names the labels use")
          .configurationError("the classes are not declared");
    }
    Set<String> seen = new HashSet<>();
    for (String name : classes) {
      if (name == null || name.isBlank() || !seen.add(name)) {
        throw Problem.at(manifestFile).expected("unique, non-empty class names").found("'" + name + "' in " + classes)
            .whatToDo("fix the classes list").configurationError("invalid class name");
      }
    }
    return classes;
  }

  private static java.util.Optional<String> displayColumn(Path manifestFile, GoldenSetManifest.ExamplesDeclaration examples) {
    String column = examples.displayColumn();
    if (column != null && (examples.metadata() == null || !examples.metadata().contains(column))) {
      throw Problem.at(manifestFile).expected("examples.displayColumn: one of the metadata columns " + examples.metadata())
          .found("'" + column + "'").whatToDo("declare the column under examples.metadata")
          .configurationError("unknown display column");
    }
    return java.util.Optional.ofNullable(column);
  }

  /** A human annotator's answers: a metadata column of classes (empty where an example was not annotated). */
  private static java.util.Optional<String> humanColumn(Path manifestFile, Path examplesFile,
      GoldenSetManifest.ExamplesDeclaration examples, Task task, List<String> classes, ExampleTable table) {
    String column = examples.humanColumn();
    if (column == null) {
      return java.util.Optional.empty();
    }
    if (examples.metadata() == null || !examples.metadata().contains(column)) {
      throw Problem.at(manifestFile).expected("examples.humanColumn: one of the metadata columns " + examples.metadata())
          .found("'" + column + "'").whatToDo("declare the column under examples.metadata")
          .configurationError("unknown human column");
    }
    if (task.isRegression()) {
      throw Problem.at(manifestFile).part("examples.humanColumn").expected("a classification golden set")
          .found("task: regression").whatToDo("remove humanColumn: the human baseline compares answers with labels")
          .configurationError("a human baseline needs classes");
    }
    DictionaryColumn answers = table.column(column).orElseThrow();
    Set<String> known = new HashSet<>(classes);
    for (String value : answers.values()) {
      if (!value.isEmpty() && !known.contains(value)) {
        int row = java.util.stream.IntStream.range(0, table.size()).filter(r -> answers.value(r).equals(value))
            .findFirst().orElseThrow();
        throw Problem.at(examplesFile).line(table.line(row)).example(table.id(row))
            .expected("column " + column + ": one of the classes " + classes + ", or empty (not annotated)")
            .found("'" + value + "'").whatToDo("fix the annotator's answer").configurationError("unknown human answer");
      }
    }
    return java.util.Optional.of(column);
  }

  private static Task task(Path manifestFile, GoldenSetManifest manifest) {
    String task = manifest.task() == null ? "classification" : manifest.task();
    switch (task) {
      case "classification" -> {
        if (manifest.tolerance() != null) {
          throw Problem.at(manifestFile).expected("tolerance only for task: regression").found("tolerance with a classification")
              .whatToDo("remove tolerance, or declare task: regression").configurationError("tolerance without a regression task");
        }
        return new Task.Classification();
      }
      case "regression" -> {
        if (manifest.tolerance() == null || !(manifest.tolerance() >= 0) || manifest.tolerance().isInfinite()
            || manifest.classes() != null || manifest.positiveClass() != null) {
          throw Problem.at(manifestFile)
              .expected("task: regression with tolerance: a number of at least 0, and no classes or positiveClass")
              .found("tolerance " + manifest.tolerance() + (manifest.classes() != null ? ", classes " + manifest.classes() : ""))
              .whatToDo("declare by how much an example's absolute error may grow before it counts as a regression")
              .configurationError("invalid regression task");
        }
        return new Task.Regression(manifest.tolerance());
      }
      default -> throw Problem.at(manifestFile).expected("task: classification or regression").found("'" + task + "'")
          .whatToDo("fix task").configurationError("unknown task");
    }
  }

  private static java.util.Optional<String> positiveClass(Path manifestFile, String positive, List<String> classes) {
    if (positive == null) {
      return java.util.Optional.empty();
    }
    if (classes.size() != 2 || !classes.contains(positive)) {
      throw Problem.at(manifestFile).expected("positiveClass: one of the two classes of a binary task " + classes)
          .found("'" + positive + "'").whatToDo("fix positiveClass, or leave it out for a task with more classes")
          .configurationError("invalid positive class");
    }
    return java.util.Optional.of(positive);
  }

  private static List<String> criticalIds(
      Path manifestFile, GoldenSetManifest.CriticalDeclaration critical, Map<String, Example> byId) {
    if (critical == null || critical.ids() == null) {
      return List.of();
    }
    for (String id : critical.ids()) {
      if (!byId.containsKey(id)) {
        throw Problem.at(manifestFile).expected("critical ids that are examples of the golden set")
            .found("'" + id + "', which is not").whatToDo("fix the id or remove it from critical.ids")
            .configurationError("unknown critical example");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(critical.ids()));
  }

  private static void requireDeclared(Path manifestFile, Object value, String key) {
    if (value == null) {
      throw Problem.at(manifestFile).expected("a '" + key + "' key").whatToDo("add it (see README.md)")
          .configurationError("the manifest lacks '" + key + "'");
    }
  }
}
