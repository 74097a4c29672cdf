package dev.flipgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.comparison.AdversarialOutcome;
import dev.flipgate.comparison.ClassificationMetrics;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.comparison.PerturbationComparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.goldenset.Example;
import dev.flipgate.goldenset.SliceDefinition;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.Prediction;
import dev.flipgate.provenance.Provenance;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Builds {@code result.json} (schema version 1, see README.md). Keys are written in a fixed order
 * and lists in golden-set order, so two runs on the same inputs differ only in run id and times.
 */
public final class ResultJson {
  public static final int SCHEMA_VERSION = 1;
  static final String DELTA_CONVENTION =
      "delta = candidate - deployed (positive: candidate better); drop = deployed - candidate (positive: candidate worse)";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  public static byte[] render(RunResult result) {
    try {
      return JSON.writeValueAsBytes(build(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode build(RunResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("verdict", result.decision().verdict().name());
    root.put("deltaConvention", DELTA_CONVENTION);
    ArrayNode reasons = root.putArray("reasons");
    result.decision().reasons().forEach(check -> reasons.add(reason(check)));
    root.set("provenance", provenance(result.provenance()));
    ArrayNode slices = root.putArray("slices");
    result.comparison().slices().forEach(slice -> slices.add(slice(slice)));
    root.set("flips", flips(result));
    ArrayNode critical = root.putArray("critical");
    result.comparison().outcomes().stream().filter(o -> result.comparison().criticalIds().contains(o.id()))
        .forEach(o -> critical.add(outcome(o)));
    ArrayNode adversarial = root.putArray("adversarial");
    result.comparison().perturbations().forEach(p -> adversarial.add(perturbation(p)));
    ArrayNode failures = root.putArray("adversarialFailures");
    result.comparison().adversarialOutcomes().stream().filter(o -> o.deployedPasses() && !o.candidatePasses())
        .forEach(o -> failures.add(adversarialFailure(o)));
    ArrayNode checks = root.putArray("checks");
    result.decision().checks().forEach(check -> checks.add(check(check)));
    return root;
  }

  private static ObjectNode reason(RuleCheck check) {
    ObjectNode node = JSON.createObjectNode();
    node.put("rule", check.rule());
    node.put("slice", check.subject().kind() == RuleCheck.Subject.Kind.SLICE ? check.subject().name() : null);
    if (check.subject().kind() != RuleCheck.Subject.Kind.SLICE) {
      node.put(check.subject().kind().name().toLowerCase(java.util.Locale.ROOT), check.subject().name());
    }
    node.put("message", check.message());
    ArrayNode examples = node.putArray("examples");
    check.exampleIds().forEach(examples::add);
    return node;
  }

  private static ObjectNode check(RuleCheck check) {
    ObjectNode node = JSON.createObjectNode();
    node.put("rule", check.rule());
    node.put("subjectKind", check.subject().kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("subject", check.subject().name());
    node.put("passed", check.passed());
    putOptional(node, "measured", check.measured());
    node.put("limit", check.limit());
    node.put("message", check.message());
    return node;
  }

  private static ObjectNode provenance(Provenance provenance) {
    ObjectNode node = JSON.createObjectNode();
    node.put("runId", provenance.runId());
    node.put("harnessVersion", provenance.harnessVersion());
    node.put("seed", provenance.seed());
    node.put("startedAt", provenance.startedAt().toString());
    node.put("finishedAt", provenance.finishedAt().toString());
    node.put("suite", provenance.suite());
    node.put("suiteSha256", provenance.suiteSha256());
    ObjectNode goldenSet = node.putObject("goldenSet");
    goldenSet.put("name", provenance.goldenSet().name());
    goldenSet.put("version", provenance.goldenSet().version());
    goldenSet.put("sha256", provenance.goldenSet().sha256());
    goldenSet.put("examples", provenance.goldenSet().examples());
    goldenSet.put("adversarialExamples", provenance.goldenSet().adversarialExamples());
    ObjectNode models = node.putObject("models");
    models.set("deployed", model(provenance.deployed()));
    models.set("candidate", model(provenance.candidate()));
    node.put("javaVersion", provenance.javaVersion());
    return node;
  }

  private static ObjectNode model(ModelIdentity identity) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", identity.name());
    node.put("kind", identity.kind());
    node.put("file", java.nio.file.Path.of(identity.location()).getFileName().toString());
    node.put("sha256", identity.sha256());
    node.put("sizeBytes", identity.sizeBytes());
    return node;
  }

  private static ObjectNode slice(SliceComparison slice) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", slice.name());
    node.put("description", slice.description());
    node.put("n", slice.n());
    node.set("deployed", metrics(slice.deployed()));
    node.set("candidate", metrics(slice.candidate()));
    putOptional(node, "accuracyDelta", slice.delta(SliceMetric.ACCURACY));
    node.put("negativeFlips", slice.counts().negativeFlips());
    node.put("positiveFlips", slice.counts().positiveFlips());
    node.put("bothRight", slice.counts().bothRight());
    node.put("bothWrong", slice.counts().bothWrong());
    putOptional(node, "nfr", slice.counts().nfr());
    putOptional(node, "pfr", slice.counts().pfr());
    putOptional(node, "nfi", slice.counts().nfi());
    putOptional(node, "btc", slice.counts().btc());
    putOptional(node, "bec", slice.counts().bec());
    return node;
  }

  private static ObjectNode metrics(ClassificationMetrics metrics) {
    ObjectNode node = JSON.createObjectNode();
    for (SliceMetric metric : SliceMetric.values()) {
      putOptional(node, metric.id(), metric.of(metrics));
    }
    return node;
  }

  private static ArrayNode flips(RunResult result) {
    Map<String, Example> examples = result.goldenSet().examplesById();
    ArrayNode flips = JSON.createArrayNode();
    for (ExampleOutcome outcome : result.comparison().flips()) {
      ObjectNode node = outcome(outcome);
      ArrayNode slices = node.putArray("slices");
      slicesOf(examples.get(outcome.id()), result.goldenSet().slices()).forEach(slices::add);
      flips.add(node);
    }
    return flips;
  }

  private static List<String> slicesOf(Example example, List<SliceDefinition> slices) {
    List<String> names = new ArrayList<>();
    slices.stream().filter(s -> s.predicate().contains(example)).forEach(s -> names.add(s.name()));
    return names;
  }

  private static ObjectNode outcome(ExampleOutcome outcome) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", outcome.id());
    node.put("kind", outcome.kind().id());
    node.put("label", outcome.label());
    node.put("deployed", outcome.deployed().label());
    node.put("candidate", outcome.candidate().label());
    putConfidence(node, "deployedConfidence", outcome.deployed());
    putConfidence(node, "candidateConfidence", outcome.candidate());
    return node;
  }

  private static ObjectNode perturbation(PerturbationComparison perturbation) {
    ObjectNode node = JSON.createObjectNode();
    node.put("perturbation", perturbation.perturbation());
    node.put("description", perturbation.description());
    node.put("n", perturbation.n());
    node.putObject("deployed").put("robustness", perturbation.deployedRobustness());
    node.putObject("candidate").put("robustness", perturbation.candidateRobustness());
    node.put("robustnessDrop", perturbation.robustnessDrop());
    ArrayNode failures = node.putArray("candidateOnlyFailures");
    perturbation.candidateOnlyFailures().forEach(failures::add);
    return node;
  }

  private static ObjectNode adversarialFailure(AdversarialOutcome outcome) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", outcome.example().id());
    node.put("source", outcome.example().sourceId());
    node.put("perturbation", outcome.example().perturbation());
    node.put("expectation", outcome.example().expectation().id());
    node.put("label", outcome.example().label());
    node.put("deployed", outcome.deployed().label());
    node.put("candidate", outcome.candidate().label());
    node.put("candidateOnSource", outcome.candidateOnSource().label());
    putConfidence(node, "candidateConfidence", outcome.candidate());
    return node;
  }

  private static void putConfidence(ObjectNode node, String key, Prediction prediction) {
    putOptional(node, key, prediction.confidence());
  }

  /** An undefined ratio (zero denominator) is {@code null}, never a made-up 0 or NaN. */
  private static void putOptional(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
