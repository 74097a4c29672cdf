package dev.flipgate.report.result;

import dev.flipgate.gate.Waiver;
import dev.flipgate.gate.WaiverUse;

import dev.flipgate.comparison.AdversarialOutcome;
import dev.flipgate.comparison.ClassificationMetrics;
import dev.flipgate.comparison.EvidenceSettings;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.comparison.MetricEvidence;
import dev.flipgate.comparison.RateEvidence;
import dev.flipgate.comparison.SliceEvidence;
import dev.flipgate.comparison.PerturbationComparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.gate.GateDecision;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.run.RunResult;
import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.PoissonBootstrap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Maps a run's result onto the {@code result.json} document, lists in golden-set order. */
public final class ResultDocuments {
  static final String DELTA_CONVENTION =
      "delta = candidate - deployed (positive: candidate better); drop = deployed - candidate (positive: candidate worse)";

  private ResultDocuments() {}

  /** Every flip of the run, in golden-set order, with the slices each example is in: what flips.csv.gz holds. */
  public static List<ResultDocument.Outcome> flips(RunResult result) {
    GoldenSet goldenSet = result.goldenSet();
    List<java.util.BitSet> members = goldenSet.slices().stream().map(s -> goldenSet.table().members(s.predicate())).toList();
    var ids = goldenSet.table().ids();
    List<ExampleOutcome> flips = result.comparison().flips();
    java.util.Optional<int[]> rows = result.comparison().flipRows();
    // Examples in the same slices share one list of their names.
    Map<java.util.BitSet, List<String>> namesOf = new java.util.concurrent.ConcurrentHashMap<>();
    // A view, made again each time it is read: a run with a million flips never holds a million
    // documents at once (flips.csv.gz and result.json each read it once).
    return new java.util.AbstractList<>() {
      @Override
      public ResultDocument.Outcome get(int index) {
        ExampleOutcome flip = flips.get(index);
        int row = rows.isPresent() ? rows.get()[index] : ids.rowOf(flip.id());
        return outcome(flip, slicesOf(row, goldenSet, members, namesOf), textOf(goldenSet, row));
      }

      @Override
      public int size() {
        return flips.size();
      }
    };
  }

  /** The document of a run whose every flip is {@code allFlips} (see {@link #flips}). */
  public static ResultDocument of(RunResult result, List<ResultDocument.Outcome> allFlips) {
    var comparison = result.comparison();
    boolean truncated = allFlips.size() > ResultDocument.INLINE_FLIPS;
    // One pass over the flips (a view that makes each when read): count the negative ones and
    // keep what result.json lists — every flip, or the first INLINE_FLIPS negative ones.
    long negative = 0;
    List<ResultDocument.Outcome> inline = new java.util.ArrayList<>();
    for (ResultDocument.Outcome flip : allFlips) {
      boolean isNegative = flip.kind().equals("negative");
      negative += isNegative ? 1 : 0;
      if (!truncated || isNegative && inline.size() < ResultDocument.INLINE_FLIPS) {
        inline.add(flip);
      }
    }
    return new ResultDocument(
        ResultDocument.SCHEMA_VERSION,
        result.decision().verdict().name(),
        result.goldenSet().task().isRegression() ? "regression" : "classification",
        result.goldenSet().task() instanceof dev.flipgate.goldenset.Task.Regression r ? r.tolerance() : null,
        result.goldenSet().classes(),
        result.goldenSet().positiveClass().orElse(null),
        DELTA_CONVENTION,
        result.decision().reasons().stream().map(c -> reason(c, result.decision())).toList(),
        provenance(result.provenance()),
        comparison.slices().stream().map(s -> slice(s, result.decision().checks(), comparison)).toList(),
        inline,
        new ResultDocument.FlipCounts(negative, allFlips.size() - negative),
        truncated,
        ResultDocument.FLIPS_FILE,
        comparison.outcomes(comparison.criticalIds()).stream()
            .map(o -> outcome(o, null, textOf(result.goldenSet(), result.goldenSet().table().ids().rowOf(o.id())))).toList(),
        comparison.perturbations().stream().map(ResultDocuments::perturbation).toList(),
        comparison.adversarialOutcomes().stream().filter(o -> o.deployedPasses() && !o.candidatePasses())
            .map(o -> adversarialFailure(o, result.goldenSet())).toList(),
        latency(result),
        evidence(comparison.evidence(), result.decision()),
        result.decision().underpowered().stream().map(ResultDocuments::check).toList(),
        result.decision().checks().stream().map(ResultDocuments::check).toList(),
        result.decision().waived().stream().map(c -> reason(c, result.decision())).toList(),
        result.decision().waivers().stream().map(ResultDocuments::waiver).toList(),
        null,
        comparison.attacks().stream().map(a -> attack(a, comparison)).toList());
  }

  static final String LATENCY_METHOD = "single-example calls after warm-up, deployed and candidate interleaved on the same"
      + " examples (order alternating), measured afresh in this run; percentiles from an HdrHistogram of microseconds;"
      + " throughput from the batched prediction pass";

  private static ResultDocument.Latency latency(RunResult result) {
    var measured = result.comparison().latency();
    if (measured.isEmpty()) {
      boolean recorded = java.util.stream.Stream.of(result.provenance().deployed(), result.provenance().candidate())
          .anyMatch(m -> m.kind().equals("predictions-file") || m.kind().equals("recorded"));
      return new ResultDocument.Latency(false, recorded
          ? "a model's answers were read from a file (predictions or a recording): they have no latency"
          : "turned off in the suite (latency.samples: 0)", null, null, null, null, null);
    }
    var latency = measured.get();
    return new ResultDocument.Latency(true, null, latency.settings().warmup(), latency.settings().samples(), LATENCY_METHOD,
        modelLatency(latency.deployed()), modelLatency(latency.candidate()));
  }

  private static ResultDocument.ModelLatency modelLatency(dev.flipgate.latency.LatencySummary summary) {
    return new ResultDocument.ModelLatency(summary.p50Ms(), summary.p95Ms(), summary.p99Ms(), summary.maxMs(),
        summary.meanMs(), Double.isNaN(summary.throughputPerSecond()) ? null : summary.throughputPerSecond());
  }

  private static ResultDocument.Evidence evidence(EvidenceSettings settings, GateDecision decision) {
    return new ResultDocument.Evidence(settings.level(), settings.resamples(), settings.power(), PoissonBootstrap.METHOD,
        decision.underpoweredHandling().name().toLowerCase(Locale.ROOT));
  }

  private static ResultDocument.AttackResult attack(dev.flipgate.comparison.AttackComparison attack,
      dev.flipgate.comparison.Comparison comparison) {
    List<ResultDocument.AttackSlice> slices = new java.util.ArrayList<>();
    for (var slice : comparison.slices()) {
      var tally = attack.tally(slice.name());
      if (tally.n() > 0) {
        slices.add(new ResultDocument.AttackSlice(slice.name(), tally.n(), tally.deployedFooled(), tally.candidateFooled(),
            number(tally.successIncrease()), ci(tally.interval(comparison.evidence().level())), tally.candidateOnly()));
      }
    }
    return new ResultDocument.AttackResult(attack.name(), attack.description(), attack.budget(), slices,
        attack.examples().stream().map(a -> new ResultDocument.AttackedExample(a.id(), a.label(), onModel(a.deployed()),
            onModel(a.candidate()))).toList());
  }

  private static ResultDocument.AttackOnModel onModel(dev.flipgate.comparison.AttackComparison.Outcome outcome) {
    return new ResultDocument.AttackOnModel(outcome.fooled(), outcome.queries(),
        outcome.answer() == null ? null : outcome.answer().label(),
        outcome.answer() == null ? null : number(outcome.answer().confidence()),
        outcome.change().stream().map(c -> new double[] {c.index(), c.from(), c.to()}).toList());
  }

  private static ResultDocument.WaiverEntry waiver(WaiverUse use) {
    Waiver w = use.waiver();
    var subject = w.subject();
    boolean perturbation = subject.isPresent() && subject.get().kind() == RuleCheck.Subject.Kind.PERTURBATION;
    return new ResultDocument.WaiverEntry(w.file().getFileName().toString(), w.line(), use.status().id(),
        w.rule().orElse(null), subject.filter(s -> !perturbation).map(RuleCheck.Subject::name).orElse(null),
        subject.filter(s -> perturbation).map(RuleCheck.Subject::name).orElse(null), w.examples().stream().sorted().toList(),
        w.owner(), w.reason(), w.ticket(), w.expires().toString(), use.matched().size(), use.describe());
  }

  private static ResultDocument.Reason reason(RuleCheck check, GateDecision decision) {
    var subject = check.subject();
    List<ResultDocument.WaiverNote> waivers = decision.waiversOf(check).stream()
        .map(u -> new ResultDocument.WaiverNote(u.status().id(), u.waiver().file().getFileName().toString(),
            u.waiver().line(), u.waiver().owner(), u.waiver().ticket(), u.waiver().expires().toString(), u.describe()))
        .toList();
    return new ResultDocument.Reason(check.rule(),
        subject.kind() == RuleCheck.Subject.Kind.SLICE ? subject.name() : null,
        subject.kind() == RuleCheck.Subject.Kind.EXAMPLE ? subject.name() : null,
        subject.kind() == RuleCheck.Subject.Kind.PERTURBATION ? subject.name() : null,
        subject.kind() == RuleCheck.Subject.Kind.LATENCY ? subject.name() : null,
        subject.kind() == RuleCheck.Subject.Kind.ATTACK ? subject.name() : null,
        check.message(), check.exampleIds(), check.underpowered().orElse(null), waivers);
  }

  private static ResultDocument.Check check(RuleCheck check) {
    return new ResultDocument.Check(check.rule(), check.subject().kind().name().toLowerCase(Locale.ROOT),
        check.subject().name(), check.passed(), number(check.measured()), check.limit(), check.message(),
        check.underpowered().orElse(null));
  }

  private static ResultDocument.Provenance provenance(dev.flipgate.provenance.Provenance p) {
    var goldenSet = p.goldenSet();
    return new ResultDocument.Provenance(p.runId(), p.harnessVersion(), p.seed(), p.startedAt().toString(),
        p.finishedAt().toString(), p.suite(), p.suiteSha256(),
        new ResultDocument.GoldenSet(goldenSet.name(), goldenSet.version(), goldenSet.sha256(), goldenSet.examples(),
            goldenSet.adversarialExamples()),
        new ResultDocument.Models(model(p.deployed()), model(p.candidate())), p.javaVersion());
  }

  private static ResultDocument.Model model(ModelIdentity identity) {
    // A served model has no file: its endpoint (never its credentials) says where it was asked.
    String where = identity.location().contains("://") ? identity.location()
        : Path.of(identity.location()).getFileName().toString();
    return new ResultDocument.Model(identity.name(), identity.kind(), where, identity.sha256(), identity.sizeBytes());
  }

  private static ResultDocument.Slice slice(SliceComparison slice, List<RuleCheck> checks,
      dev.flipgate.comparison.Comparison comparison) {
    var counts = slice.counts();
    return new ResultDocument.Slice(slice.name(), slice.description(), slice.n(), metrics(slice.deployed()),
        metrics(slice.candidate()), number(slice.delta(SliceMetric.ACCURACY)), counts.negativeFlips(),
        counts.positiveFlips(), counts.bothRight(), counts.bothWrong(), number(counts.nfr()), number(counts.pfr()),
        number(counts.nfi()), number(counts.btc()), number(counts.bec()), deltas(slice, checks),
        rate(slice.evidence().negativeFlipRate(), underpowered(slice, "negativeFlipRate", checks)),
        new ResultDocument.PerModel<>(perClass(slice.deployed()), perClass(slice.candidate())),
        new ResultDocument.PerModel<>(slice.deployed().confusion(), slice.candidate().confusion()),
        slice.cells().map(dev.flipgate.comparison.PairedCells::flipMatrix).orElse(null),
        comparison.human(slice.name()).map(h -> human(h, comparison.evidence().level())).orElse(null),
        slice.scoreApproximation().map(ResultDocuments::approximation).orElse(null));
  }

  static final String BINNED_METHOD = "each class's scores counted in equal-width bins of [0, 1] per label; ROC AUC and"
      + " average precision with each bin one tied score, log loss, Brier score and calibration error from exact sums";

  private static ResultDocument.ScoreApproximation approximation(dev.flipgate.comparison.ScoreApproximation a) {
    return new ResultDocument.ScoreApproximation(a.bins(), BINNED_METHOD,
        new ResultDocument.PerModel<>(byId(a.deployedErrorBounds()), byId(a.candidateErrorBounds())));
  }

  private static Map<String, Double> byId(Map<SliceMetric, Double> bounds) {
    Map<String, Double> byId = new LinkedHashMap<>();
    for (SliceMetric metric : SliceMetric.values()) {
      if (bounds.containsKey(metric) && Double.isFinite(bounds.get(metric))) {
        byId.put(metric.id(), bounds.get(metric));
      }
    }
    return byId;
  }

  private static ResultDocument.Human human(dev.flipgate.comparison.HumanAgreement h, double level) {
    return new ResultDocument.Human(h.annotated(), number(h.humanAccuracy()), h.humanInterval(level).map(ResultDocuments::ci)
        .orElse(null), number(h.deployedAccuracy()), number(h.candidateAccuracy()), number(h.candidateGap()));
  }

  private static List<ResultDocument.ClassRow> perClass(ClassificationMetrics metrics) {
    return metrics.perClass().stream()
        .map(c -> new ResultDocument.ClassRow(c.className(), c.precision(), c.recall(), c.f1(), c.support())).toList();
  }

  /** Whether the rules that judged this measure on this slice found it underpowered; null if none judged it. */
  private static Boolean underpowered(SliceComparison slice, String measure, List<RuleCheck> checks) {
    List<RuleCheck> judged = checks.stream()
        .filter(c -> c.subject().kind() == RuleCheck.Subject.Kind.SLICE && c.subject().name().equals(slice.name()))
        .filter(c -> c.measure().filter(measure::equals).isPresent()).toList();
    return judged.isEmpty() ? null : judged.stream().anyMatch(RuleCheck::isUnderpowered);
  }

  private static Map<String, ResultDocument.Delta> deltas(SliceComparison slice, List<RuleCheck> checks) {
    SliceEvidence evidence = slice.evidence();
    Map<String, ResultDocument.Delta> deltas = new LinkedHashMap<>();
    for (SliceMetric metric : SliceMetric.values()) {
      MetricEvidence delta = evidence.delta(metric);
      if (delta == null) {
        continue;
      }
      deltas.put(metric.id(), new ResultDocument.Delta(number(delta.delta()), delta.ci().map(ResultDocuments::ci).orElse(null),
          number(delta.pValue()), delta.test().orElse(null), underpowered(slice, metric.id(), checks)));
    }
    return deltas;
  }

  private static ResultDocument.Rate rate(RateEvidence rate, Boolean underpowered) {
    return new ResultDocument.Rate(number(rate.value()), rate.ci().map(ResultDocuments::ci).orElse(null),
        number(rate.upperBound()), underpowered);
  }

  private static ResultDocument.Ci ci(Interval interval) {
    return new ResultDocument.Ci(interval.low(), interval.high(), interval.level(), interval.method());
  }

  private static Map<String, Double> metrics(ClassificationMetrics metrics) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (SliceMetric metric : SliceMetric.values()) {
      metrics.value(metric).ifPresent(v -> values.put(metric.id(), number(v)));
    }
    return values;
  }

  private static ResultDocument.Outcome outcome(ExampleOutcome outcome, List<String> slices, String text) {
    return new ResultDocument.Outcome(outcome.id(), outcome.kind().id(), outcome.label(), outcome.deployed().label(),
        outcome.candidate().label(), number(outcome.deployed().confidence()), number(outcome.candidate().confidence()),
        slices, text);
  }

  /** The text of a golden-set row whose input is a text; null otherwise. */
  private static String textOf(GoldenSet goldenSet, int row) {
    return row >= 0 && goldenSet.inputLayout().isText() ? goldenSet.table().input(row).text() : null;
  }

  /** @param members each slice's rows, in the golden set's order of slices */
  private static List<String> slicesOf(int row, GoldenSet goldenSet, List<java.util.BitSet> members,
      Map<java.util.BitSet, List<String>> namesOf) {
    java.util.BitSet in = new java.util.BitSet(members.size());
    for (int s = 0; s < members.size(); s++) {
      in.set(s, members.get(s).get(row));
    }
    return namesOf.computeIfAbsent(in, slices -> slices.stream().mapToObj(s -> goldenSet.slices().get(s).name()).toList());
  }

  private static ResultDocument.Perturbation perturbation(PerturbationComparison p) {
    return new ResultDocument.Perturbation(p.perturbation(), p.description(), p.n(),
        robustness(p.deployedRobustness(), p.deployedFailures()),
        robustness(p.candidateRobustness(), p.candidateFailures()), number(p.robustnessDrop()),
        p.candidateOnlyFailures());
  }

  private static ResultDocument.Robustness robustness(double robustness, List<String> failures) {
    return new ResultDocument.Robustness(number(robustness), (long) failures.size(),
        failures.subList(0, Math.min(failures.size(), ResultDocument.FAILURES_LISTED)));
  }

  private static ResultDocument.AdversarialFailure adversarialFailure(AdversarialOutcome o, GoldenSet goldenSet) {
    var example = o.example();
    return new ResultDocument.AdversarialFailure(example.id(), example.hasSource() ? example.sourceId() : null, example.perturbation(),
        example.expectation().id(), example.label(), o.deployed().label(), o.candidate().label(),
        o.candidateOnSource().label(), number(o.deployed().confidence()), number(o.candidate().confidence()),
        changes(example, goldenSet), example.direction().map(d -> new ResultDocument.DirectionScores(d.className(),
            d.mustNotIncrease() ? "not-increase" : "not-decrease", d.tolerance(),
            java.util.Arrays.asList(score(o.deployedOnSource(), d.className()), score(o.deployed(), d.className())),
            java.util.Arrays.asList(score(o.candidateOnSource(), d.className()), score(o.candidate(), d.className()))))
            .orElse(null),
        example.input().isText() ? example.input().text() : null,
        example.hasSource() ? textOf(goldenSet, goldenSet.table().ids().rowOf(example.sourceId())) : null);
  }

  /** The values the perturbation changed, for a golden set whose inputs are named features (not an image). */
  private static List<ResultDocument.Change> changes(dev.flipgate.goldenset.AdversarialExample example, GoldenSet goldenSet) {
    if (goldenSet.inputLayout().order() != dev.flipgate.goldenset.InputLayout.Order.FLAT) {
      return List.of();
    }
    var source = goldenSet.table().input(goldenSet.table().ids().rowOf(example.sourceId()));
    List<ResultDocument.Change> changes = new java.util.ArrayList<>();
    for (int i = 0; i < source.size() && changes.size() < ResultDocument.CHANGES_SHOWN; i++) {
      if (Float.compare(source.get(i), example.input().get(i)) != 0) {
        String name = i < goldenSet.inputColumns().size() ? goldenSet.inputColumns().get(i) : "x" + i;
        changes.add(new ResultDocument.Change(name, source.get(i), example.input().get(i)));
      }
    }
    return changes;
  }

  private static Double score(dev.flipgate.model.Prediction prediction, String className) {
    return prediction.scores().filter(s -> s.classes().contains(className)).map(s -> s.of(className)).orElse(null);
  }

  /** An undefined ratio is {@code null}, never a made-up 0 or a NaN that JSON cannot hold. */
  private static Double number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : null;
  }

  private static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
