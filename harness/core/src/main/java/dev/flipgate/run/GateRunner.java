package dev.flipgate.run;

import dev.flipgate.cache.PredictionCache;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ComparisonCalculator;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.provenance.HarnessVersion;
import dev.flipgate.provenance.Provenance;
import dev.flipgate.io.Sha256;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs one gate: reads the suite, loads and checks the golden set and the policy, runs both
 * models over every example, compares and decides. All configuration is checked before the
 * first model runs, so a typo costs seconds, not a full run.
 */
public final class GateRunner {
  private final Clock clock;
  private final ProgressListener progress;
  private final Optional<Path> cacheDirectory;

  public GateRunner(Clock clock, ProgressListener progress) {
    this(clock, progress, Optional.empty());
  }

  private GateRunner(Clock clock, ProgressListener progress, Optional<Path> cacheDirectory) {
    this.clock = clock;
    this.progress = progress;
    this.cacheDirectory = cacheDirectory;
  }

  /** The same runner, keeping every model's answers in a prediction cache under {@code directory}. */
  public GateRunner cachingIn(Path directory) {
    return new GateRunner(clock, progress, Optional.of(directory));
  }

  public RunResult run(Path suiteFile, Optional<String> candidateName, String runId) {
    Suite suite = SuiteReader.read(suiteFile);
    candidate(suite, candidateName); // an unknown candidate fails before the golden set is read
    GoldenSet goldenSet = suite.loadGoldenSet();
    suite.policy().validate(goldenSet, suite.file());
    return run(suite, goldenSet, candidateName, runId);
  }

  /** Runs a suite whose golden set is already loaded and its policy validated against it. */
  public RunResult run(Suite suite, GoldenSet goldenSet, Optional<String> candidateName, String runId) {
    Instant startedAt = clock.instant();
    ModelDeclaration candidateDeclaration = candidate(suite, candidateName);
    var runInputs = RunInputs.of(suite, goldenSet);
    List<ModelInput> inputs = runInputs.inputs();
    var context = runInputs.context();

    ModelAdapter[] models = BothModels.open(suite.deployed(), candidateDeclaration, context);
    try (ModelAdapter deployed = models[0];
        ModelAdapter candidate = models[1];
        Caches caches = new Caches(deployed, candidate, goldenSet.classes())) {
      long started = System.nanoTime();
      var deployedCollected = PredictionCollector.predictAll("deployed", deployed, inputs, progress, caches.deployed);
      double deployedThroughput = throughput(deployedCollected.asked(), started);
      started = System.nanoTime();
      var candidateCollected = PredictionCollector.predictAll("candidate", candidate, inputs, progress, caches.candidate);
      double candidateThroughput = throughput(candidateCollected.asked(), started);
      deployed.confirmUnchanged();
      candidate.confirmUnchanged();
      // Answers in the order asked: the golden set's examples, then its adversarial examples.
      Comparison comparison = ComparisonCalculator.compare(goldenSet, deployedCollected.answers(), candidateCollected.answers(),
          suite.evidence());
      if (!suite.attacks().isEmpty()) {
        comparison = comparison.withAttacks(attack(suite, goldenSet, comparison, deployed, candidate, caches));
      }
      if (suite.latency().enabled() && !deployed.answersStored() && !candidate.answersStored()) {
        comparison = comparison.withLatency(LatencyProbe.measure(deployed, candidate, examplesOnly(goldenSet), suite.latency(),
            suite.seed(), deployedThroughput, candidateThroughput, progress));
      }
      var decision = suite.policy().decide(comparison, java.time.LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC));
      var provenance = new Provenance(runId, HarnessVersion.current(), suite.seed(), startedAt, clock.instant(),
          suite.name(), Sha256.ofFile(suite.file()),
          new Provenance.GoldenSetIdentity(goldenSet.name(), goldenSet.version(), goldenSet.sha256(),
              goldenSet.examples().size(), goldenSet.adversarialExamples().size()),
          deployed.identity(), candidate.identity(), System.getProperty("java.version"));
      var sideOutputs = new java.util.LinkedHashMap<String, String>();
      deployed.sideOutput().ifPresent(text -> sideOutputs.put("deployed", text));
      candidate.sideOutput().ifPresent(text -> sideOutputs.put("candidate", text));
      return new RunResult(provenance, goldenSet, comparison, decision, sideOutputs);
    }
  }

  /** The suite's attacks, against each model; a model whose answers are stored cannot be asked new inputs. */
  private java.util.List<dev.flipgate.comparison.AttackComparison> attack(Suite suite, GoldenSet goldenSet,
      Comparison comparison, ModelAdapter deployed, ModelAdapter candidate, Caches caches) {
    for (var model : List.of(deployed, candidate)) {
      if (model.answersStored()) {
        throw Problem.at(suite.file()).part("attacks").expected("a model that runs (onnx, kserve-v2, subprocess): an attack"
            + " asks inputs no file holds").found("'" + model.identity().name() + "', whose answers are read from a file")
            .whatToDo("gate with the live model, or remove the attacks").configurationError("cannot attack stored answers");
      }
    }
    int[] shape = goldenSet.inputLayout().shape();
    var onDeployed = new CachedOracle(deployed, caches.deployed, shape);
    var onCandidate = new CachedOracle(candidate, caches.candidate, shape);
    var attacks = suite.attacks().run(goldenSet, comparison.outcomes(), onDeployed, onCandidate, suite.seed(),
        (name, done, total) -> progress.predicted("attack " + name, deployed.identity().name() + " and "
            + candidate.identity().name(), done, total));
    deployed.confirmUnchanged();
    candidate.confirmUnchanged();
    return attacks;
  }

  /** Both models' caches, when caching; answers read from a file are not cached again. */
  private final class Caches implements AutoCloseable {
    final Optional<PredictionCache> deployed;
    final Optional<PredictionCache> candidate;

    Caches(ModelAdapter deployedModel, ModelAdapter candidateModel, List<String> classes) {
      this.deployed = open(deployedModel, classes);
      this.candidate = open(candidateModel, classes);
    }

    private Optional<PredictionCache> open(ModelAdapter model, List<String> classes) {
      return cacheDirectory.filter(d -> !model.answersStored()).map(d -> PredictionCache.open(d, model.answerKey(), classes));
    }

    @Override
    public void close() {
      deployed.ifPresent(PredictionCache::close);
      candidate.ifPresent(PredictionCache::close);
    }
  }

  /** Examples a second of the batched pass; NaN when every answer came from the cache (nothing was timed). */
  private static double throughput(int asked, long startedNanos) {
    return asked == 0 ? Double.NaN : asked / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
  }

  private static List<ModelInput> examplesOnly(GoldenSet goldenSet) {
    var examples = goldenSet.table();
    return java.util.stream.IntStream.range(0, examples.size())
        .mapToObj(row -> new ModelInput(examples.id(row), examples.input(row))).toList();
  }

  private static ModelDeclaration candidate(Suite suite, Optional<String> candidateName) {
    return suite.candidate(candidateName);
  }
}
