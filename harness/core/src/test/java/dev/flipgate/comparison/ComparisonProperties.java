package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flipgate.gate.CriticalExamplesRule;
import dev.flipgate.gate.GatePolicy;
import dev.flipgate.gate.MaxMetricDropRule;
import dev.flipgate.gate.MaxNegativeFlipRateRule;
import dev.flipgate.gate.MaxRobustnessDropRule;
import dev.flipgate.gate.SignificantAccuracyDropRule;
import dev.flipgate.gate.Verdict;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Invariants of the comparison and the gate that hold for any answers of any two models, checked
 * by jqwik on random answers over a fixed golden set: 41 examples of three classes in two slices
 * ('early': the first 40; 'odd'), the last one critical, two adversarial examples.
 */
class ComparisonProperties {
  private static final List<String> CLASSES = List.of("a", "b", "c");
  private static final int EXAMPLES = 41;
  private static final GoldenSet GOLDEN_SET = goldenSet();
  private static final EvidenceSettings EVIDENCE = new EvidenceSettings(0.95, 100, 7);

  private static GoldenSet goldenSet() {
    try {
      Path directory = Files.createTempDirectory("flipgate-properties");
      var examples = new StringBuilder("id,label,part,parity,x\n");
      for (int i = 0; i < EXAMPLES; i++) {
        examples.append("e").append(i).append(',').append(CLASSES.get(i % 3)).append(',')
            .append(i < 40 ? "early" : "late").append(',').append(i % 2 == 1 ? "odd" : "even").append(",0.5\n");
      }
      Files.writeString(directory.resolve("examples.csv"), examples);
      Files.writeString(directory.resolve("adversarial.csv"), "id,source,perturbation,expectation,x\n"
          + "e0~n,e0,noise,true-label,0.4\ne1~n,e1,noise,true-label,0.6\n");
      Files.writeString(directory.resolve("manifest.yaml"), """
          name: properties
          classes: [a, b, c]
          input: { columns: { names: [x] }, shape: [1] }
          examples: { file: examples.csv, metadata: [part, parity] }
          slices:
            - { name: early, where: { column: part, equals: early } }
            - { name: odd, where: { column: parity, equals: odd } }
          adversarial: { file: adversarial.csv, perturbations: [ { name: noise } ] }
          critical: { ids: [e40] }
          """);
      return GoldenSetLoader.load(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One model's answers: a class index for each example, then each adversarial example. */
  @Provide
  Arbitrary<List<Integer>> answers() {
    return Arbitraries.integers().between(0, 2).list().ofSize(EXAMPLES + 2);
  }

  private static Map<String, Prediction> predictions(List<Integer> answers) {
    Map<String, Prediction> predictions = new HashMap<>();
    for (int i = 0; i < EXAMPLES; i++) {
      predictions.put("e" + i, Prediction.of(CLASSES.get(answers.get(i))));
    }
    predictions.put("e0~n", Prediction.of(CLASSES.get(answers.get(EXAMPLES))));
    predictions.put("e1~n", Prediction.of(CLASSES.get(answers.get(EXAMPLES + 1))));
    return predictions;
  }

  private static Comparison compare(List<Integer> deployed, List<Integer> candidate) {
    return ComparisonCalculator.compare(GOLDEN_SET, predictions(deployed), predictions(candidate), EVIDENCE);
  }

  @Property(tries = 200)
  void swappingTheModelsSwapsNegativeAndPositiveFlipsAndNegatesEveryDelta(
      @ForAll("answers") List<Integer> deployed, @ForAll("answers") List<Integer> candidate) {
    Comparison forward = compare(deployed, candidate);
    Comparison backward = compare(candidate, deployed);

    for (SliceComparison slice : forward.slices()) {
      SliceComparison swapped = backward.slice(slice.name()).orElseThrow();
      assertThat(swapped.counts().negativeFlips()).isEqualTo(slice.counts().positiveFlips());
      assertThat(swapped.counts().positiveFlips()).isEqualTo(slice.counts().negativeFlips());
      for (SliceMetric metric : SliceMetric.values()) {
        slice.delta(metric).ifPresent(delta ->
            assertThat(swapped.delta(metric).getAsDouble()).as(slice.name() + " " + metric).isCloseTo(-delta, within(1e-12)));
      }
    }
    assertThat(backward.perturbation("noise").orElseThrow().robustnessDrop())
        .isCloseTo(-forward.perturbation("noise").orElseThrow().robustnessDrop(), within(1e-12));
  }

  /**
   * A slice without scores is computed from cells counted in one pass over all examples; it must
   * equal the slice computed from its own examples one by one (metrics, tables, cells, flips).
   */
  @Property(tries = 200)
  void cellsCountedInOnePassEqualTheSliceComputedExampleByExample(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate) {
    Comparison comparison = compare(deployed, candidate);

    for (SliceComparison slice : comparison.slices()) {
      var predicate = GOLDEN_SET.slice(slice.name()).orElseThrow().predicate();
      List<ExampleOutcome> members = comparison.outcomes().stream()
          .filter(o -> predicate.contains(GOLDEN_SET.examplesById().get(o.id()))).toList();
      var byExample = SliceComparisonParts.of(SliceAnswers.of(CLASSES, java.util.Optional.empty(), members));

      assertThat(slice.deployed().values()).as(slice.name()).isEqualTo(byExample.deployed().values());
      assertThat(slice.candidate().values()).as(slice.name()).isEqualTo(byExample.candidate().values());
      assertThat(slice.deployed().perClass()).isEqualTo(byExample.deployed().perClass());
      assertThat(slice.candidate().confusion()).isDeepEqualTo(byExample.candidate().confusion());
      assertThat(slice.cells().orElseThrow().counts()).isEqualTo(byExample.cells().orElseThrow().counts());
      assertThat(slice.cells().orElseThrow().flipMatrix()).isDeepEqualTo(byExample.cells().orElseThrow().flipMatrix());
      assertThat(slice.counts()).isEqualTo(FlipCounts.of(members.stream().map(ExampleOutcome::kind).toList()));
      assertThat(slice.negativeFlipIds()).isEqualTo(
          members.stream().filter(o -> o.kind() == FlipKind.NEGATIVE).map(ExampleOutcome::id).toList());
    }
  }

  /**
   * With class scores, a slice's answer metrics come from the cells counted in one pass and its
   * score metrics from score columns sorted once for the golden set; both must equal the slice
   * computed from its own examples one by one, metrics and intervals alike, to the last bit.
   */
  @Property(tries = 60)
  void scoreColumnsSortedOnceEqualTheSliceComputedExampleByExample(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate, @ForAll("scoreGrid") List<Integer> deployedGrid,
      @ForAll("scoreGrid") List<Integer> candidateGrid) {
    Comparison comparison = ComparisonCalculator.compare(GOLDEN_SET, scored(deployed, deployedGrid),
        scored(candidate, candidateGrid), EVIDENCE);

    for (SliceComparison slice : comparison.slices()) {
      var predicate = GOLDEN_SET.slice(slice.name()).orElseThrow().predicate();
      List<ExampleOutcome> members = comparison.outcomes().stream()
          .filter(o -> predicate.contains(GOLDEN_SET.examplesById().get(o.id()))).toList();
      var byExample = SliceComparisonParts.of(SliceAnswers.of(CLASSES, java.util.Optional.empty(), members));

      assertThat(slice.deployed().values()).as(slice.name()).containsKey(SliceMetric.MACRO_ROC_AUC)
          .isEqualTo(byExample.deployed().values());
      assertThat(slice.candidate().values()).as(slice.name()).isEqualTo(byExample.candidate().values());
      assertThat(slice.evidence()).as(slice.name())
          .isEqualTo(new SliceEvidenceCalculator(EVIDENCE).of(slice.name(), slice.counts(), byExample));
    }
  }

  /**
   * Stored answers arrive as columns (a class code a row, a score column a class), which the
   * comparison reads in place; they must compare exactly as the same answers as Predictions do.
   */
  @Property(tries = 30)
  void storedAnswerColumnsCompareAsTheSamePredictionsDo(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate, @ForAll("scoreGrid") List<Integer> deployedGrid,
      @ForAll("scoreGrid") List<Integer> candidateGrid) {
    var before = scored(deployed, deployedGrid);
    var after = scored(candidate, candidateGrid);

    Comparison fromPredictions = ComparisonCalculator.compare(GOLDEN_SET, before, after, EVIDENCE);
    Comparison fromColumns = ComparisonCalculator.compare(GOLDEN_SET, columns(before), columns(after), EVIDENCE);

    for (SliceComparison slice : fromPredictions.slices()) {
      SliceComparison same = fromColumns.slice(slice.name()).orElseThrow();
      assertThat(same.deployed().values()).as(slice.name()).isEqualTo(slice.deployed().values());
      assertThat(same.candidate().values()).isEqualTo(slice.candidate().values());
      assertThat(same.evidence()).isEqualTo(slice.evidence());
      assertThat(same.counts()).isEqualTo(slice.counts());
    }
  }

  /** The answers in the golden set's row order (examples, then adversarial ones) as stored columns. */
  private static dev.flipgate.model.AnswerColumns columns(Map<String, Prediction> answers) {
    List<String> ids = new java.util.ArrayList<>(GOLDEN_SET.table().ids());
    GOLDEN_SET.adversarialExamples().forEach(example -> ids.add(example.id()));
    var builder = new dev.flipgate.model.AnswerColumns.Builder(CLASSES, ids.size());
    for (int row = 0; row < ids.size(); row++) {
      Prediction answer = answers.get(ids.get(row));
      builder.answer(row, CLASSES.indexOf(answer.label()));
      final int at = row;
      answer.scores().ifPresent(scores -> builder.scores(at, scores.toArray()));
    }
    return builder.build();
  }

  /** Per example and class, a weight from 1 to 4 (so scores tie often), then per adversarial example. */
  @Provide
  Arbitrary<List<Integer>> scoreGrid() {
    return Arbitraries.integers().between(1, 4).list().ofSize((EXAMPLES + 2) * CLASSES.size());
  }

  private static Map<String, Prediction> scored(List<Integer> answers, List<Integer> grid) {
    Map<String, Prediction> predictions = new HashMap<>();
    predictions(answers).forEach((id, answer) -> {
      int row = id.equals("e0~n") ? EXAMPLES : id.equals("e1~n") ? EXAMPLES + 1 : Integer.parseInt(id.substring(1));
      double[] scores = new double[CLASSES.size()];
      double sum = 0;
      for (int c = 0; c < scores.length; c++) {
        scores[c] = grid.get(row * CLASSES.size() + c);
        sum += scores[c];
      }
      for (int c = 0; c < scores.length; c++) {
        scores[c] /= sum;
      }
      predictions.put(id, new Prediction(answer.label(), java.util.Optional.of(new ClassScores(CLASSES, scores))));
    });
    return predictions;
  }

  /**
   * The comparison's look-ups by row (flips, outcomes by id, adversarial answers) give what a
   * plain list of the same outcomes gives, and each adversarial outcome holds the answers given
   * for its own id and its source's.
   */
  @Property(tries = 100)
  void lookUpsByRowAgreeWithThePlainOutcomes(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate) {
    Comparison comparison = compare(deployed, candidate);
    List<ExampleOutcome> all = List.copyOf(comparison.outcomes());
    Comparison plain = new Comparison(all, comparison.slices(), comparison.adversarialOutcomes(), comparison.perturbations(),
        comparison.criticalIds(), comparison.evidence());

    assertThat(comparison.flips()).isEqualTo(all.stream().filter(o -> o.kind().isFlip()).toList()).isEqualTo(plain.flips());
    for (String id : List.of("e0", "e7", "e40", "e1~n", "unknown")) {
      var expected = all.stream().filter(o -> o.id().equals(id)).findFirst();
      assertThat(comparison.outcome(id)).as(id).isEqualTo(expected).isEqualTo(plain.outcome(id));
    }
    List<String> ids = List.of("e40", "e3", "unknown", "e3", "e0");
    assertThat(comparison.outcomes(ids)).isEqualTo(all.stream().filter(o -> ids.contains(o.id())).toList())
        .isEqualTo(plain.outcomes(ids));
    for (int a = 0; a < 2; a++) {
      AdversarialOutcome outcome = comparison.adversarialOutcomes().get(a);
      int source = Integer.parseInt(outcome.example().sourceId().substring(1));
      assertThat(outcome.deployed().label()).isEqualTo(CLASSES.get(deployed.get(EXAMPLES + a)));
      assertThat(outcome.candidate().label()).isEqualTo(CLASSES.get(candidate.get(EXAMPLES + a)));
      assertThat(outcome.deployedOnSource().label()).isEqualTo(CLASSES.get(deployed.get(source)));
      assertThat(outcome.candidateOnSource().label()).isEqualTo(CLASSES.get(candidate.get(source)));
    }
  }

  @Property(tries = 20)
  void anAnswerListWithoutTheLastAdversarialAnswerFailsNamingIt(@ForAll("answers") List<Integer> answers) {
    List<Prediction> rows = new java.util.ArrayList<>(answers.stream().map(i -> Prediction.of(CLASSES.get(i))).toList());
    List<Prediction> missingLast = rows.subList(0, rows.size() - 1);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComparisonCalculator.compare(GOLDEN_SET, rows, missingLast, EVIDENCE))
        .isInstanceOf(dev.flipgate.failure.ModelFailureException.class)
        .hasMessageContaining("e1~n").hasMessageContaining("candidate");
  }

  @Property(tries = 200)
  void aLargerMaximumNeverTurnsAPassIntoABlock(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate, @ForAll @DoubleRange(min = 0, max = 1) double smaller,
      @ForAll @DoubleRange(min = 0, max = 1) double larger) {
    double low = Math.min(smaller, larger);
    double high = Math.max(smaller, larger);
    Comparison comparison = compare(deployed, candidate);

    for (String judge : new String[] {null, "lower-bound", "upper-bound"}) {
      boolean passesLow = verdict(new MaxMetricDropRule("macroF1", List.of("*"), low, judge), comparison) == Verdict.PROMOTE;
      boolean passesHigh = verdict(new MaxMetricDropRule("macroF1", List.of("*"), high, judge), comparison) == Verdict.PROMOTE;
      assertThat(!passesLow || passesHigh).as("judge %s: passes at %s but not at %s", judge, low, high).isTrue();
      boolean nfrLow = verdict(new MaxNegativeFlipRateRule(List.of("*"), low, judge), comparison) == Verdict.PROMOTE;
      boolean nfrHigh = verdict(new MaxNegativeFlipRateRule(List.of("*"), high, judge), comparison) == Verdict.PROMOTE;
      assertThat(!nfrLow || nfrHigh).as("judge %s: flip rate passes at %s but not at %s", judge, low, high).isTrue();
    }
  }

  private static Verdict verdict(dev.flipgate.gate.GateRule rule, Comparison comparison) {
    return new GatePolicy(List.of(rule)).decide(comparison, java.time.LocalDate.EPOCH).verdict();
  }

  @Property(tries = 200)
  void anExampleBothModelsGetRightNeverRaisesTheNegativeFlipRate(@ForAll("answers") List<Integer> deployed,
      @ForAll("answers") List<Integer> candidate) {
    // e40, the one example of 'all' outside 'early', is made right under both models.
    var withRight = new java.util.ArrayList<>(candidate);
    var deployedRight = new java.util.ArrayList<>(deployed);
    withRight.set(40, 40 % 3);
    deployedRight.set(40, 40 % 3);
    Comparison comparison = compare(deployedRight, withRight);

    double without = comparison.slice("early").orElseThrow().counts().nfr().getAsDouble();
    double with = comparison.slice("all").orElseThrow().counts().nfr().getAsDouble();
    assertThat(with).isLessThanOrEqualTo(without);
  }

  @Property(tries = 200)
  void identicalModelsAreNeverBlockedByARuleThatComparesThem(@ForAll("answers") List<Integer> answers,
      @ForAll @DoubleRange(min = 0, max = 1) double max) {
    Comparison comparison = compare(answers, answers);
    var policy = new GatePolicy(List.of(
        new MaxNegativeFlipRateRule(List.of("*"), 0.0),
        new MaxMetricDropRule("accuracy", List.of("*"), max),
        new MaxMetricDropRule("macroF1", List.of("*"), 0.0, "lower-bound"),
        new SignificantAccuracyDropRule(List.of("*"), 0.05, null, null),
        new CriticalExamplesRule(),
        new MaxRobustnessDropRule(List.of("*"), 0.0)));

    assertThat(policy.decide(comparison, java.time.LocalDate.EPOCH).verdict()).isEqualTo(Verdict.PROMOTE);
  }
}
