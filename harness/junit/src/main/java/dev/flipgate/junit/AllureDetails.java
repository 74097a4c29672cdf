package dev.flipgate.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flipgate.gate.Concern;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.io.AtomicFiles;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.report.ExamplePng;
import dev.flipgate.report.ExamplesCsv;
import dev.flipgate.run.RunResult;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.util.PropertiesUtils;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Allure details for the flipgate engine's tests: labels (suite, sub-suite = rule, epic, feature
 * = slice or perturbation, story, severity), the two models with their SHA-256 as parameters,
 * and the evidence as attachments. After the runs it writes {@code categories.json} (one
 * category per {@link Concern}, plus gate verdicts, infrastructure faults and tests not judged)
 * and {@code environment.properties} into the Allure results directory. Only created when
 * Allure's JUnit Platform listener is present (see {@link TestDetails#from}).
 */
final class AllureDetails implements TestDetails {
  private static final Set<String> REPLACED_LABELS = Set.of("parentSuite", "suite", "subSuite", "epic", "feature",
      "story", "severity");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path resultsDirectory;
  private RunIndex index;

  /** What every test of one run looks examples up in, built once per run rather than per test. */
  private record RunIndex(RunResult result, ExamplesCsv csv, Map<String, InputTensor> inputs) {
    static RunIndex of(RunResult result) {
      Map<String, InputTensor> inputs = new java.util.HashMap<>();
      result.goldenSet().examples().forEach(e -> inputs.put(e.id(), e.input()));
      result.goldenSet().adversarialExamples().forEach(a -> inputs.put(a.id(), a.input()));
      boolean texts = result.goldenSet().inputLayout().isText();
      return new RunIndex(result, texts ? new ExamplesCsv(result.comparison(),
          id -> java.util.Optional.ofNullable(inputs.get(id)).map(InputTensor::text)) : new ExamplesCsv(result.comparison()), inputs);
    }
  }

  private RunIndex index(RunResult result) {
    if (index == null || index.result() != result) {
      index = RunIndex.of(result);
    }
    return index;
  }

  AllureDetails(Optional<Path> resultsDirectory) {
    this.resultsDirectory = resultsDirectory.orElseGet(
        () -> Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results")));
  }

  @Override
  public void describe(TestFacts facts, RunResult result) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    lifecycle.updateTestCase(test -> {
      test.getLabels().removeIf(label -> REPLACED_LABELS.contains(label.getName()));
      test.getLabels().addAll(labels(facts));
      test.getParameters().addAll(parameters(result));
    });
    RunIndex run = index(result);
    if (!facts.exampleIds().isEmpty()) {
      lifecycle.addAttachment("examples.csv", "text/csv", "csv",
          run.csv().of(facts.exampleIds()).getBytes(StandardCharsets.UTF_8));
    }
    if (facts.showExamples()) {
      attachImages(lifecycle, facts.exampleIds(), run, result.goldenSet().inputLayout());
    }
    for (Path file : facts.files()) {
      attachFile(lifecycle, file);
    }
  }

  private static List<Label> labels(TestFacts facts) {
    var labels = new ArrayList<Label>(List.of(
        ResultsUtils.createSuiteLabel(facts.suite()),
        ResultsUtils.createSubSuiteLabel(facts.rule()),
        ResultsUtils.createEpicLabel(facts.suite()),
        ResultsUtils.createFeatureLabel(facts.feature()),
        ResultsUtils.createStoryLabel(facts.rule()),
        ResultsUtils.createSeverityLabel(facts.severity().name().toLowerCase(Locale.ROOT))));
    facts.concern().ifPresent(concern -> labels.add(ResultsUtils.createTagLabel(concern.title())));
    return labels;
  }

  private static List<Parameter> parameters(RunResult result) {
    ModelIdentity deployed = result.provenance().deployed();
    ModelIdentity candidate = result.provenance().candidate();
    return List.of(
        ResultsUtils.createParameter("deployed model", deployed.name()),
        ResultsUtils.createParameter("deployed sha256", deployed.sha256()),
        ResultsUtils.createParameter("candidate model", candidate.name()),
        ResultsUtils.createParameter("candidate sha256", candidate.sha256()));
  }

  private static void attachImages(AllureLifecycle lifecycle, List<String> ids, RunIndex run,
      dev.flipgate.goldenset.InputLayout layout) {
    int attached = 0;
    for (String id : ids) {
      Optional<byte[]> png = Optional.ofNullable(run.inputs().get(id)).flatMap(tensor -> ExamplePng.of(tensor, layout));
      if (png.isPresent() && attached++ < TestFacts.MAX_IMAGES) {
        lifecycle.addAttachment(id + ".png", "image/png", "png", png.get());
      }
    }
  }

  private static void attachFile(AllureLifecycle lifecycle, Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = switch (extension) {
      case "json" -> "application/json";
      case "html" -> "text/html";
      case "md" -> "text/markdown";
      default -> "text/plain";
    };
    try {
      lifecycle.addAttachment(name, type, extension, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot attach " + file + " to the Allure result: " + e.getMessage(), e);
    }
  }

  @Override
  public void runsFinished(List<RunResult> results) {
    try {
      AtomicFiles.write(resultsDirectory.resolve("categories.json"), JSON.writeValueAsBytes(categories()));
      AtomicFiles.write(resultsDirectory.resolve("environment.properties"), environment(results));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Allure categories and environment into " + resultsDirectory
          + ": " + e.getMessage() + "; check the directory (allure.results.directory) is writable", e);
    }
  }

  /** Allure matches a category's message pattern against the whole failure message. */
  static List<Map<String, Object>> categories() {
    var categories = new ArrayList<Map<String, Object>>();
    for (Concern concern : Concern.values()) {
      categories.add(category(concern.heading(), List.of("failed"), concern.title()));
    }
    categories.add(category("Gate verdicts", List.of("failed"), SuiteExecution.VERDICT_PREFIX));
    var infrastructure = new LinkedHashMap<String, Object>();
    infrastructure.put("name", "Infrastructure (model, endpoint or configuration fault)");
    infrastructure.put("matchedStatuses", List.of("broken"));
    categories.add(infrastructure);
    var notJudged = new LinkedHashMap<String, Object>();
    notJudged.put("name", "Not judged (underpowered or tolerated)");
    notJudged.put("matchedStatuses", List.of("skipped"));
    categories.add(notJudged);
    return categories;
  }

  private static Map<String, Object> category(String name, List<String> statuses, String messagePrefix) {
    var category = new LinkedHashMap<String, Object>();
    category.put("name", name);
    category.put("matchedStatuses", statuses);
    category.put("messageRegex", "(?s)" + java.util.regex.Pattern.quote(messagePrefix + ": ") + ".*");
    return category;
  }

  private static byte[] environment(List<RunResult> results) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    for (RunResult result : results) {
      var provenance = result.provenance();
      String prefix = provenance.suite() + ".";
      var goldenSet = provenance.goldenSet();
      entries.put(prefix + "goldenSet", goldenSet.name() + " " + goldenSet.version() + " (sha256 " + goldenSet.sha256() + ")");
      entries.put(prefix + "deployed", provenance.deployed().name() + " (sha256 " + provenance.deployed().sha256() + ")");
      entries.put(prefix + "candidate", provenance.candidate().name() + " (sha256 " + provenance.candidate().sha256() + ")");
      entries.put(prefix + "verdict", result.decision().verdict().name());
      entries.put("flipgate.version", provenance.harnessVersion());
      entries.put("java.version", provenance.javaVersion());
    }
    var properties = new Properties();
    properties.putAll(entries);
    var bytes = new ByteArrayOutputStream();
    properties.store(bytes, "Written by the flipgate engine");
    return bytes.toByteArray();
  }
}
