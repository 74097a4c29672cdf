package dev.flipgate.report.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code result.json}, schema version 2: the contract CI users and later reports read. Field
 * order is the JSON key order; {@code null} numbers are ratios with a zero denominator. More
 * keys may be added; none is removed or renamed within a schema version.
 *
 * <p>Version 2 keeps every key of version 1 and moves the complete flip list to a side file,
 * {@code flipsFile} (flips.csv.gz beside result.json), so a run with a hundred thousand flips
 * still has a result.json a CI step can read: {@code flips} holds every flip in golden-set order
 * while there are at most {@value #INLINE_FLIPS}; beyond, only the first {@value #INLINE_FLIPS}
 * negative flips, and {@code flipsTruncated} is true. {@code flipCounts} always counts them all.
 *
 * <p>{@code reasons} are what blocks; {@code waived} lists the failed checks a waiver in force
 * accepted (a PROMOTE may have some), and {@code waivers} what every waiver of
 * {@code waivers.yaml} did.
 */
public record ResultDocument(
    int schemaVersion,
    String verdict,
    String task,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double tolerance,
    List<String> classes,
    @JsonInclude(JsonInclude.Include.NON_NULL) String positiveClass,
    String deltaConvention,
    List<Reason> reasons,
    Provenance provenance,
    List<Slice> slices,
    List<Outcome> flips,
    FlipCounts flipCounts,
    boolean flipsTruncated,
    String flipsFile,
    List<Outcome> critical,
    List<Perturbation> adversarial,
    List<AdversarialFailure> adversarialFailures,
    Latency latency,
    Evidence evidence,
    List<Check> underpowered,
    List<Check> checks,
    List<Reason> waived,
    List<WaiverEntry> waivers,
    @JsonInclude(JsonInclude.Include.NON_NULL) Trend trend,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttackResult> attacks) {

  /** A result.json written before waivers existed reads as one with none. */
  public ResultDocument {
    waived = waived == null ? List.of() : waived;
    waivers = waivers == null ? List.of() : waivers;
    attacks = attacks == null ? List.of() : attacks;
  }

  /** The same document with the suite's trend across its promoted versions (read from the ledger). */
  public ResultDocument withTrend(Trend trend) {
    return new ResultDocument(schemaVersion, verdict, task, tolerance, classes, positiveClass, deltaConvention, reasons,
        provenance, slices, flips, flipCounts, flipsTruncated, flipsFile, critical, adversarial, adversarialFailures,
        latency, evidence, underpowered, checks, waived, waivers, trend, attacks);
  }

  /**
   * The suite's line of promoted versions on this golden set, oldest first, and this candidate
   * last: {@code versions[0]} is the model the oldest shown promotion replaced. Each slice has the
   * headline {@code metric} of every version ({@code null} where a version did not have the slice).
   * {@code churn} lists examples that flipped in two or more of the shown promotions and this run,
   * with each version's flip ({@code negative}, {@code positive} or {@code null}). Runs on other
   * golden-set versions judged other examples: they are left out and counted.
   */
  public record Trend(String metric, String goldenSetVersion, int promotionsOnOtherVersions, List<TrendVersion> versions,
      List<TrendSlice> slices, List<Churned> churn, int churnLeftOut) {}

  /**
   * An attack run against each model on the same examples (both models answered them correctly):
   * per slice, how often it fooled each model within {@code budget} queries an example, and the
   * change in the success rate with its Tango score interval; then every attacked example with
   * what the attack found on each model ({@code change}: value index, source value, new value —
   * feeding that input to the model gives {@code answer}).
   */
  public record AttackResult(String name, String description, int budget, List<AttackSlice> slices,
      List<AttackedExample> examples) {}

  public record AttackSlice(String slice, long n, long deployedFooled, long candidateFooled, Double successIncrease, Ci ci,
      List<String> candidateOnly) {}

  public record AttackedExample(String id, String label, AttackOnModel deployed, AttackOnModel candidate) {}

  public record AttackOnModel(boolean fooled, int queries, String answer, Double confidence, List<double[]> change) {}

  /** A model in the line: {@code deployed} (the first), {@code promoted} or {@code candidate} (this run). */
  public record TrendVersion(String model, String role, String runId, String at, Double negativeFlipRate) {}

  public record TrendSlice(String slice, List<Double> values) {}

  public record Churned(String id, String label, int flips, List<String> kinds) {}

  /** How uncertainty was measured; the bootstrap's seed is {@code provenance.seed}. */
  public record Evidence(double level, int resamples, double power, String bootstrap, String underpoweredChecks) {}

  public static final int SCHEMA_VERSION = 2;
  /** The most flips result.json lists itself; flips.csv.gz has them all. */
  public static final int INLINE_FLIPS = 10_000;
  public static final String FLIPS_FILE = "flips.csv.gz";

  /** How many examples flipped each way, over the whole golden set. */
  public record FlipCounts(long negative, long positive) {}

  /**
   * Single-example latency of both models, measured afresh in this run (never cached): warm-up
   * calls first, then {@code samples} examples asked of one model and straight after of the other.
   * {@code throughputPerSecond} is the batched prediction pass, kept apart.
   */
  public record Latency(
      boolean measured,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer warmup,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer samples,
      @JsonInclude(JsonInclude.Include.NON_NULL) String method,
      @JsonInclude(JsonInclude.Include.NON_NULL) ModelLatency deployed,
      @JsonInclude(JsonInclude.Include.NON_NULL) ModelLatency candidate) {}

  /** {@code throughputPerSecond} is null when every answer of the batched pass came from the prediction cache. */
  public record ModelLatency(double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs, Double throughputPerSecond) {}

  /** A failed check: why the candidate is blocked. Exactly one of slice, example, perturbation is set. */
  public record Reason(
      String rule,
      String slice,
      @JsonInclude(JsonInclude.Include.NON_NULL) String example,
      @JsonInclude(JsonInclude.Include.NON_NULL) String perturbation,
      @JsonInclude(JsonInclude.Include.NON_NULL) String latency,
      @JsonInclude(JsonInclude.Include.NON_NULL) String attack,
      String message,
      List<String> examples,
      @JsonInclude(JsonInclude.Include.NON_NULL) String underpowered,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WaiverNote> waivers) {

    /** Left out of the JSON when empty: read back as empty. */
    public Reason {
      waivers = waivers == null ? List.of() : waivers;
    }
  }

  /**
   * What a waiver did to a reason: {@code applied} (the reason is listed under {@code waived} and
   * does not block) or {@code expired} (it blocks again, since the day after {@code expires}).
   */
  public record WaiverNote(String status, String file, int line, String owner, String ticket, String expires, String note) {}

  /**
   * A waiver of {@code waivers.yaml} and what it did in this run: {@code applied}, {@code expired}
   * (it matched a reason but no longer holds) or {@code stale} (it matched no reason; remove it).
   * Exactly one of slice, perturbation, examples is set.
   */
  public record WaiverEntry(
      String file, int line, String status,
      @JsonInclude(JsonInclude.Include.NON_NULL) String rule,
      @JsonInclude(JsonInclude.Include.NON_NULL) String slice,
      @JsonInclude(JsonInclude.Include.NON_NULL) String perturbation,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> examples,
      String owner, String reason, String ticket, String expires, int reasonsMatched, String note) {

    public WaiverEntry {
      examples = examples == null ? List.of() : examples;
    }
  }

  public record Provenance(
      String runId, String harnessVersion, long seed, String startedAt, String finishedAt, String suite,
      String suiteSha256, GoldenSet goldenSet, Models models, String javaVersion) {}

  public record GoldenSet(String name, String version, String sha256, int examples, int adversarialExamples) {}

  public record Models(Model deployed, Model candidate) {}

  /** {@code file} is the file name only, so results do not depend on where the repository lies. */
  public record Model(String name, String kind, String file, String sha256, long sizeBytes) {}

  /**
   * A slice. {@code deployed} and {@code candidate} map each metric id to its value (a metric is
   * left out where it is undefined); {@code confusion} rows are labels and columns answers, and
   * {@code flipMatrix} rows are deployed answers and columns candidate answers, both in
   * {@code classes} order.
   */
  public record Slice(
      String name, String description, long n, Map<String, Double> deployed, Map<String, Double> candidate,
      Double accuracyDelta, long negativeFlips, long positiveFlips, long bothRight, long bothWrong,
      Double nfr, Double pfr, Double nfi, Double btc, Double bec, Map<String, Delta> deltas, Rate negativeFlipRate,
      PerModel<List<ClassRow>> perClass, PerModel<long[][]> confusion,
      @JsonInclude(JsonInclude.Include.NON_NULL) long[][] flipMatrix,
      @JsonInclude(JsonInclude.Include.NON_NULL) Human human,
      @JsonInclude(JsonInclude.Include.NON_NULL) ScoreApproximation scoreApproximation) {}

  /**
   * Present where a slice's score metrics come from binned scores (an engine that cannot hold every
   * example's scores): the bin count, how the metrics are computed from the bins, and per model the
   * most each score metric can differ from its exact value (0 for the sums: log loss, Brier score,
   * calibration error). Their deltas then have no bootstrap interval.
   */
  public record ScoreApproximation(int bins, String method, PerModel<Map<String, Double>> errorBounds) {}

  /**
   * A slice's human baseline, where the golden set carries a human annotator's answers: accuracy of
   * the human (with its exact Clopper–Pearson interval), the deployed model and the candidate, all
   * on the slice's {@code annotated} examples; {@code candidateGap} = human − candidate accuracy
   * (positive: people do better). Values are null when no example of the slice was annotated.
   */
  public record Human(long annotated, Double human, Ci humanCi, Double deployed, Double candidate, Double candidateGap) {}

  public record PerModel<T>(T deployed, T candidate) {}

  public record ClassRow(String className, double precision, double recall, double f1, long support) {}

  /** A metric delta (candidate − deployed) with its interval, and a p-value where a test applies. */
  public record Delta(
      Double value, Ci ci,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double pValue,
      @JsonInclude(JsonInclude.Include.NON_NULL) String test,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean underpowered) {}

  /**
   * A rate with its two-sided interval and one-sided upper bound at the same level.
   * {@code underpowered} (here and in {@link Delta}) is set where a rule judged this measure on
   * this slice: true when the slice is too small to reveal the rule's threshold.
   */
  public record Rate(Double value, Ci ci, Double upperBound, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean underpowered) {}

  public record Ci(double low, double high, double level, String method) {}


  /** One example as both models answered it; {@code slices} is set for flips. */
  /** {@code text}: the example's input, for a golden set whose input is a text (absent otherwise). */
  public record Outcome(
      String id, String kind, String label, String deployed, String candidate, Double deployedConfidence,
      Double candidateConfidence, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> slices,
      @JsonInclude(JsonInclude.Include.NON_NULL) String text) {}

  public record Perturbation(
      String perturbation, String description, long n, Robustness deployed, Robustness candidate,
      Double robustnessDrop, List<String> candidateOnlyFailures) {}

  /**
   * One model's robustness to a perturbation: the share of its examples still answered as
   * expected, how many it fails, and the first {@value #FAILURES_LISTED} of them by id.
   */
  public record Robustness(Double robustness, Long failures, List<String> failed) {}

  public static final int FAILURES_LISTED = 100;

  /**
   * An adversarial example only the candidate fails. {@code changes}: for named feature inputs,
   * each value the perturbation changed (source → perturbed; at most {@value #CHANGES_SHOWN}).
   * {@code direction}: for a directional expectation, the class score on the source and on the
   * perturbed example, for both models.
   */
  public record AdversarialFailure(
      String id, String source, String perturbation, String expectation, String label, String deployed,
      String candidate, String candidateOnSource, Double deployedConfidence, Double candidateConfidence,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Change> changes,
      @JsonInclude(JsonInclude.Include.NON_NULL) DirectionScores direction,
      @JsonInclude(JsonInclude.Include.NON_NULL) String text,
      @JsonInclude(JsonInclude.Include.NON_NULL) String sourceText) {

    public AdversarialFailure {
      changes = changes == null ? List.of() : changes;
    }
  }

  public static final int CHANGES_SHOWN = 40;

  public record Change(String feature, double from, double to) {}

  /** A class score must not move the wrong way ({@code must}); each model's score on the source, then perturbed. */
  public record DirectionScores(String className, String must, double tolerance, List<Double> deployed, List<Double> candidate) {}

  public record Check(
      String rule, String subjectKind, String subject, boolean passed, Double measured, double limit, String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) String underpowered) {}
}
