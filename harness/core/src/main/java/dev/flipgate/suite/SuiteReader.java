package dev.flipgate.suite;

import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.latency.LatencySettings;
import dev.flipgate.declaration.BoundedSetting;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import dev.flipgate.gate.GatePolicy;
import dev.flipgate.model.ModelDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and checks a suite file. Paths in it are relative to the suite file's directory. */
public final class SuiteReader {
  /** Used when a suite names no seed; recorded in every result either way. */
  public static final long DEFAULT_SEED = 20_261_127L;

  private SuiteReader() {}

  public static Suite read(Path file) {
    SuiteFile declared = YamlDeclarationReader.read(file, SuiteFile.class, "suite", dev.flipgate.declaration.DeclarationSchema.SUITE);
    require(file, declared.name(), "name");
    require(file, declared.goldenSet(), "goldenSet");
    require(file, declared.deployed(), "deployed");
    require(file, declared.policy(), "policy");
    Map<String, ModelDeclaration> candidates = declared.candidates();
    if (candidates == null || candidates.isEmpty()) {
      throw Problem.at(file).expected("candidates: at least one named candidate model").found("none")
          .whatToDo("declare the candidate under candidates").configurationError("the suite has no candidate");
    }
    checkNamed(file, "deployed", declared.deployed());
    candidates.forEach((key, model) -> checkNamed(file, "candidates." + key, model));
    String defaultCandidate = declared.defaultCandidate() == null ? candidates.keySet().iterator().next()
        : declared.defaultCandidate();
    if (!candidates.containsKey(defaultCandidate)) {
      throw Problem.at(file).expected("defaultCandidate, one of " + candidates.keySet()).found("'" + defaultCandidate + "'")
          .whatToDo("fix defaultCandidate").configurationError("unknown default candidate");
    }
    Path goldenSet = DeclaredPaths.resolve(file, declared.goldenSet(), "golden set");
    if (!Files.isDirectory(goldenSet)) {
      throw Problem.at(file).expected("goldenSet: a golden-set directory holding manifest.yaml").found(goldenSet.toString())
          .whatToDo("fix the path (relative to the suite file)").configurationError("the golden set does not exist");
    }
    var rules = declared.policy().rules() == null ? java.util.List.<dev.flipgate.gate.GateRule>of() : declared.policy().rules();
    long seed = declared.seed() == null ? DEFAULT_SEED : declared.seed();
    LatencySettings latency = latency(file, declared.latency());
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).concern() == dev.flipgate.gate.Concern.LATENCY && !latency.enabled()) {
        throw new dev.flipgate.gate.RuleLocation(file, i, rules.get(i).id()).problem()
            .expected("latency measured (latency.samples of at least 20)").found("latency: { samples: 0 }: latency is off")
            .whatToDo("turn latency on, or remove the rule").configurationError("rule would judge nothing");
      }
    }
    return new Suite(declared.name(), declared.description() == null ? "" : declared.description(),
        file.toAbsolutePath().normalize(), goldenSet, seed, declared.deployed(), candidates, defaultCandidate,
        evidence(file, declared.evidence(), seed), latency,
        new GatePolicy(rules, underpowered(file, declared.policy().underpowered()), WaiversReader.besideSuite(file)),
        ledger(file, declared.ledger(), System.getenv()),
        perturbations(file, declared),
        new dev.flipgate.attack.SuiteAttacks(file, declared.attacks(), perturbations(file, declared).range()));
  }

  private static dev.flipgate.perturbation.GeneratedPerturbations perturbations(Path file, SuiteFile declared) {
    return dev.flipgate.perturbation.GeneratedPerturbations.of(file, declared.perturbations());
  }

  private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The suite's ledger: environment variables filled in, a file path made absolute against the suite's directory. */
  static java.util.Optional<String> ledger(Path file, String declared, java.util.Map<String, String> environment) {
    if (declared == null) {
      return java.util.Optional.empty();
    }
    var matcher = VARIABLE.matcher(declared);
    var expanded = new StringBuilder();
    while (matcher.find()) {
      String value = environment.get(matcher.group(1));
      if (value == null || value.isEmpty()) {
        throw Problem.at(file).line(dev.flipgate.declaration.KeyLines.lineOf(file, "ledger").orElse(0))
            .expected("environment variable " + matcher.group(1) + ", which ledger: names").found("it is not set")
            .whatToDo("set it, or name the ledger with --ledger").configurationError("the suite's ledger cannot be named");
      }
      matcher.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(value));
    }
    matcher.appendTail(expanded);
    String ledger = expanded.toString();
    if (ledger.isBlank()) {
      throw Problem.at(file).expected("ledger: a JDBC URL or a file path").found("nothing")
          .whatToDo("name the ledger, or remove the key").configurationError("empty ledger");
    }
    return java.util.Optional.of(ledger.startsWith("jdbc:") ? ledger
        : DeclaredPaths.resolve(file, ledger, "ledger").toString());
  }

  private static EvidenceSettings evidence(Path file, SuiteFile.EvidenceDeclaration declared, long seed) {
    double level = declared == null || declared.level() == null ? EvidenceSettings.DEFAULT_LEVEL : declared.level();
    int resamples = BoundedSetting.of(file, "evidence.resamples", declared == null ? null : declared.resamples(),
        EvidenceSettings.DEFAULT_RESAMPLES, 100, EvidenceSettings.MAX_RESAMPLES);
    double power = declared == null || declared.power() == null ? EvidenceSettings.DEFAULT_POWER : declared.power();
    if (!(level > 0.5 && level < 1) || resamples < 100 || !(power > 0.5 && power < 1)) {
      throw Problem.at(file).part("evidence")
          .expected("level and power in (0.5, 1), e.g. 0.95 and 0.8, and resamples of at least 100")
          .found("level " + level + ", power " + power + ", resamples " + resamples).whatToDo("fix the evidence settings")
          .configurationError("unusable evidence settings");
    }
    int scoreBins = BoundedSetting.of(file, "evidence.scoreBins", declared == null ? null : declared.scoreBins(),
        EvidenceSettings.DEFAULT_SCORE_BINS, 10, EvidenceSettings.MAX_SCORE_BINS);
    return new EvidenceSettings(level, resamples, seed, power, scoreBins);
  }

  private static LatencySettings latency(Path file, SuiteFile.LatencyDeclaration declared) {
    int warmup = BoundedSetting.of(file, "latency.warmup", declared == null ? null : declared.warmup(),
        LatencySettings.DEFAULT_WARMUP, 0, 100_000);
    int samples = BoundedSetting.of(file, "latency.samples", declared == null ? null : declared.samples(),
        LatencySettings.DEFAULT_SAMPLES, 0, 100_000);
    if (warmup < 0 || samples < 0 || (samples > 0 && samples < 20)) {
      throw Problem.at(file).part("latency").expected("warmup of at least 0, and samples of 0 (off) or at least 20")
          .found("warmup " + warmup + ", samples " + samples).whatToDo("fix the latency settings")
          .configurationError("unusable latency settings");
    }
    return new LatencySettings(warmup, samples);
  }

  private static GatePolicy.Underpowered underpowered(Path file, String declared) {
    if (declared == null) {
      return GatePolicy.Underpowered.REPORT;
    }
    return switch (declared) {
      case "report" -> GatePolicy.Underpowered.REPORT;
      case "block" -> GatePolicy.Underpowered.BLOCK;
      default -> throw Problem.at(file).part("policy.underpowered").expected("report or block").found("'" + declared + "'")
          .whatToDo("fix the value").configurationError("unknown underpowered handling");
    };
  }

  private static void checkNamed(Path file, String key, ModelDeclaration model) {
    if (model == null || model.name() == null || model.name().isBlank()) {
      throw Problem.at(file).part(key).expected("a model declaration with a name").found("no name")
          .whatToDo("add name: to the model").configurationError("unnamed model");
    }
  }

  private static void require(Path file, Object value, String key) {
    if (value == null) {
      throw Problem.at(file).expected("a '" + key + "' key").whatToDo("add it (see README.md for the suite format)")
          .configurationError("the suite lacks '" + key + "'");
    }
  }
}
