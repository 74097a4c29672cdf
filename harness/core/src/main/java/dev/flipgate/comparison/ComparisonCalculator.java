package dev.flipgate.comparison;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.SliceDefinition;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Compares two models' predictions on a golden set, example by example. */
public final class ComparisonCalculator {
  /** 64³ cells (2 MiB of counts) a slice at most. */
  private static final int MAX_DENSE_CLASSES = 64;

  private ComparisonCalculator() {}

  /**
   * @param deployed the deployed model's prediction for every example and adversarial example id
   * @param candidate the candidate's, likewise
   * @throws dev.flipgate.failure.ModelFailureException if any prediction is missing: a comparison
   *     with holes would let a regression pass unseen
   */
  public static Comparison compare(GoldenSet goldenSet, Map<String, Prediction> deployed, Map<String, Prediction> candidate,
      EvidenceSettings settings) {
    return compare(goldenSet, byRow(goldenSet, deployed), byRow(goldenSet, candidate), settings);
  }

  /**
   * @param deployed the deployed model's prediction for every example, then every adversarial
   *     example, in the golden set's order (a run's order of asking); null where it gave none.
   *     The comparison reads outcomes from it later, so it is kept, not copied (ten million
   *     references each): the caller hands it over and does not change it.
   * @param candidate the candidate's, likewise
   * @throws dev.flipgate.failure.ModelFailureException if any prediction is missing
   */
  public static Comparison compare(GoldenSet goldenSet, List<Prediction> deployed, List<Prediction> candidate,
      EvidenceSettings settings) {
    var evidence = new SliceEvidenceCalculator(settings);
    ExampleTable examples = goldenSet.table();
    byte[] kinds = new byte[examples.size()];
    boolean scored = false;
    for (int row = 0; row < examples.size(); row++) {
      Prediction before = require(deployed, row, examples, "deployed");
      Prediction after = require(candidate, row, examples, "candidate");
      kinds[row] = (byte) ExampleOutcome.kindOf(examples.labels().value(row), before, after, goldenSet.task()).ordinal();
      scored |= before.scores().isPresent() || after.scores().isPresent();
    }
    OutcomeRows outcomes = new OutcomeRows(examples, deployed, candidate, kinds);
    NegativeFlips negativeFlips = NegativeFlips.of(examples, kinds);
    List<SliceDefinition> definitions = goldenSet.slices();
    // Each slice's rows on both cores: at a million examples each is a pass over a column.
    List<BitSet> members = definitions.parallelStream().map(slice -> examples.members(slice.predicate())).toList();
    // A classification slice's answer metrics come from its paired cells, all counted in one pass
    // over the examples; with class scores each model's scores are also laid out and sorted once
    // for the golden set. Regression needs the values themselves, and with very many classes the
    // dense table of k³ cells would not fit, so each slice keeps only its own cells.
    boolean dense = !goldenSet.task().isRegression() && goldenSet.classes().size() <= MAX_DENSE_CLASSES;
    int k = goldenSet.classes().size();
    int positive = goldenSet.positiveClass().map(goldenSet.classes()::indexOf).orElse(-1);
    ScoredRows scores = dense && scored ? ScoredRows.of(goldenSet.classes(), positive, examples, deployed, candidate) : null;
    long[][] cells = !dense ? null
        : scores != null ? PairedCellTally.count(k, scores.codes(), members)
        : PairedCellTally.count(goldenSet.classes(), examples, deployed, candidate, members);
    // Slices are independent (each bootstrap has its own seeded stream), so they are compared in
    // parallel; the list keeps the golden set's order, and the numbers do not depend on the threads.
    List<SliceComparison> slices = IntStream.range(0, definitions.size()).parallel()
        .mapToObj(s -> compareSlice(definitions.get(s), members.get(s), cells == null ? null : cells[s], scores,
            goldenSet, outcomes, negativeFlips, evidence))
        .toList();
    List<AdversarialOutcome> adversarial = new ArrayList<>();
    for (int a = 0; a < goldenSet.adversarialExamples().size(); a++) {
      AdversarialExample example = goldenSet.adversarialExamples().get(a);
      int row = examples.size() + a;
      // A template's text has no source: its own answers stand in (a true-label check reads only them).
      int source = example.hasSource() ? examples.ids().rowOf(example.sourceId()) : row;
      adversarial.add(new AdversarialOutcome(example,
          require(deployed, row, example.id(), "deployed"), require(candidate, row, example.id(), "candidate"),
          require(deployed, source, example.hasSource() ? example.sourceId() : example.id(), "deployed"),
          require(candidate, source, example.hasSource() ? example.sourceId() : example.id(), "candidate"),
          goldenSet.task()));
    }
    return new Comparison(outcomes, slices, adversarial, comparePerturbations(goldenSet, adversarial),
        goldenSet.criticalIds(), settings, java.util.Optional.empty(), HumanBaseline.of(goldenSet, members, outcomes),
        List.of());
  }

  /** The answers in row order: examples, then adversarial examples; null for an id without one. */
  private static List<Prediction> byRow(GoldenSet goldenSet, Map<String, Prediction> answers) {
    List<Prediction> rows = new ArrayList<>(goldenSet.table().size() + goldenSet.adversarialExamples().size());
    goldenSet.table().ids().forEach(id -> rows.add(answers.get(id)));
    goldenSet.adversarialExamples().forEach(example -> rows.add(answers.get(example.id())));
    return rows;
  }

  /**
   * @param denseCells the slice's cell counts from {@link PairedCellTally}, or null to compute from its examples
   * @param scores both models' class scores with every example's class codes, or null without scores
   */
  private static SliceComparison compareSlice(SliceDefinition slice, BitSet memberPositions, long[] denseCells,
      ScoredRows scores, GoldenSet goldenSet, OutcomeRows outcomes, NegativeFlips negatives, SliceEvidenceCalculator evidence) {
    List<ExampleOutcome> members = new ArrayList<>();
    List<String> negativeFlips = new ArrayList<>();
    long[] kinds = new long[FlipKind.values().length];
    var negativeIds = negatives.cursor();
    for (int i = memberPositions.nextSetBit(0); i >= 0; i = memberPositions.nextSetBit(i + 1)) {
      FlipKind kind = outcomes.kind(i);
      kinds[kind.ordinal()]++;
      if (denseCells == null) {
        members.add(outcomes.get(i));
      }
      if (kind == FlipKind.NEGATIVE) {
        negativeFlips.add(negativeIds.idOf(i));
      }
    }
    FlipCounts counts = new FlipCounts(kinds[FlipKind.BOTH_RIGHT.ordinal()], kinds[FlipKind.NEGATIVE.ordinal()],
        kinds[FlipKind.POSITIVE.ordinal()], kinds[FlipKind.BOTH_WRONG.ordinal()]);
    int positive = goldenSet.positiveClass().map(goldenSet.classes()::indexOf).orElse(-1);
    AnswerMetrics answerMetrics = new AnswerMetrics(goldenSet.classes(), positive);
    SliceComparisonParts parts;
    if (denseCells != null && scores != null) {
      PairedCells cells = PairedCells.ofDense(answerMetrics, goldenSet.classes().size(), denseCells);
      parts = SliceComparisonParts.of(cells, scores.deployedMetrics(memberPositions),
          scores.candidateMetrics(memberPositions));
    } else if (denseCells != null) {
      parts = SliceComparisonParts.of(PairedCells.ofDense(answerMetrics, goldenSet.classes().size(), denseCells));
    } else if (goldenSet.task().isRegression()) {
      parts = SliceComparisonParts.ofValues(members);
    } else {
      parts = SliceComparisonParts.of(SliceAnswers.of(goldenSet.classes(), goldenSet.positiveClass(), members));
    }
    return new SliceComparison(slice.name(), slice.description(), counts, parts.deployed(), parts.candidate(),
        negativeFlips, parts.cells(), evidence.of(slice.name(), counts, parts));
  }

  private static List<PerturbationComparison> comparePerturbations(GoldenSet goldenSet, List<AdversarialOutcome> outcomes) {
    Map<String, List<AdversarialOutcome>> byPerturbation = new LinkedHashMap<>();
    goldenSet.perturbations().keySet().forEach(name -> byPerturbation.put(name, new ArrayList<>()));
    outcomes.forEach(o -> byPerturbation.get(o.example().perturbation()).add(o));
    List<PerturbationComparison> comparisons = new ArrayList<>();
    byPerturbation.forEach((name, list) -> {
      long deployedPasses = list.stream().filter(AdversarialOutcome::deployedPasses).count();
      long candidatePasses = list.stream().filter(AdversarialOutcome::candidatePasses).count();
      List<String> candidateOnly = list.stream().filter(o -> o.deployedPasses() && !o.candidatePasses())
          .map(o -> o.example().id()).toList();
      double n = Math.max(1, list.size());
      comparisons.add(new PerturbationComparison(name, goldenSet.perturbations().get(name), list.size(),
          list.isEmpty() ? Double.NaN : deployedPasses / n, list.isEmpty() ? Double.NaN : candidatePasses / n,
          candidateOnly, list.stream().filter(o -> !o.deployedPasses()).map(o -> o.example().id()).toList(),
          list.stream().filter(o -> !o.candidatePasses()).map(o -> o.example().id()).toList()));
    });
    return comparisons;
  }

  private static Prediction require(List<Prediction> predictions, int row, ExampleTable examples, String model) {
    Prediction prediction = row < predictions.size() ? predictions.get(row) : null;
    return prediction != null ? prediction : require(predictions, row, examples.id(row), model);
  }

  private static Prediction require(List<Prediction> predictions, int row, String id, String model) {
    Prediction prediction = row < 0 || row >= predictions.size() ? null : predictions.get(row);
    if (prediction == null) {
      throw Problem.at("the " + model + " model's predictions").example(id).expected("a prediction").found("none")
          .whatToDo("rerun; if it persists, the model adapter lost an answer").modelFailure("missing prediction");
    }
    return prediction;
  }
}
