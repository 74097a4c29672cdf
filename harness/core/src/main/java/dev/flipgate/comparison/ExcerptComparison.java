package dev.flipgate.comparison;

import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.Prediction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The comparison an engine that never holds every example (Spark) makes on its driver: each
 * slice from its cell counts, reduced where the data is ({@link CellSlices}), and the example
 * outcomes of the excerpt it brought back — every flip, the critical and the waived examples —
 * so that the gate and the reports read the same comparison the local engine would make.
 */
public final class ExcerptComparison {
  private ExcerptComparison() {}

  /**
   * @param excerpt the golden set holding the excerpt's rows (see {@code GoldenSetLoader.loadExcerpt}),
   *     every negative flip among them
   * @param deployed the deployed model's answer for each excerpt row, in row order
   * @param candidate the candidate's, likewise
   * @param cells per slice of {@code excerpt.slices()}, the count of every (label, deployed, candidate) cell over
   *     all examples, at {@code (label·k + deployed)·k + candidate}
   * @throws IllegalArgumentException if the excerpt lacks a negative flip the cells count: its
   *     ids would be missing from the rules' messages and the reports
   */
  public static Comparison compare(GoldenSet excerpt, List<Prediction> deployed, List<Prediction> candidate,
      long[][] cells, EvidenceSettings settings) {
    return compare(excerpt, deployed, candidate, cells, java.util.Optional.empty(), settings);
  }

  /**
   * As above, with the score metrics of every slice from {@code scored}: all examples' codes and
   * class probabilities, whose member rows must be as many as the cells count.
   */
  public static Comparison compare(GoldenSet excerpt, List<Prediction> deployed, List<Prediction> candidate,
      long[][] cells, java.util.Optional<ScoredExamples> scored, EvidenceSettings settings) {
    int positive = excerpt.positiveClass().map(excerpt.classes()::indexOf).orElse(-1);
    var scoredRows = scored.map(s -> s.rows(positive));
    return compare(excerpt, deployed, candidate, cells, settings, (s, slice, negativeFlipIds) -> {
      var scoredMembers = scored.map(e -> e.members().get(slice(e, s)));
      scoredMembers.ifPresent(rows -> requireCounted(slice.name(), rows.cardinality(), cells[s]));
      return CellSlices.compare(slice, excerpt.classes(), excerpt.positiveClass(), cells[s], negativeFlipIds, settings,
          scoredRows.flatMap(r -> r.deployedMetrics(scoredMembers.get())),
          scoredRows.flatMap(r -> r.candidateMetrics(scoredMembers.get())));
    });
  }

  /**
   * As above, with the score metrics of every slice from each model's binned scores on it (in the
   * order of {@code excerpt.slices()}; empty for a model without scores): approximations whose
   * error bounds each slice states, without bootstrap intervals.
   */
  public static Comparison compareBinned(GoldenSet excerpt, List<Prediction> deployed, List<Prediction> candidate,
      long[][] cells, List<java.util.Optional<BinnedScores>> deployedScores,
      List<java.util.Optional<BinnedScores>> candidateScores, EvidenceSettings settings) {
    if (deployedScores.size() != cells.length || candidateScores.size() != cells.length) {
      throw new IllegalArgumentException("binned scores of " + deployedScores.size() + " and " + candidateScores.size()
          + " slices for " + cells.length);
    }
    return compare(excerpt, deployed, candidate, cells, settings, (s, slice, negativeFlipIds) -> {
      for (var scores : List.of(deployedScores.get(s), candidateScores.get(s))) {
        scores.ifPresent(binned -> requireCounted(slice.name(), binned.examples(), cells[s]));
      }
      return CellSlices.compareBinned(slice, excerpt.classes(), excerpt.positiveClass(), cells[s], negativeFlipIds,
          settings, deployedScores.get(s), candidateScores.get(s));
    });
  }

  /** How one slice is compared, given its index, its definition and its negative flips' ids. */
  @FunctionalInterface
  private interface SliceComparer {
    SliceComparison compare(int index, dev.flipgate.goldenset.SliceDefinition slice, List<String> negativeFlipIds);
  }

  private static Comparison compare(GoldenSet excerpt, List<Prediction> deployed, List<Prediction> candidate,
      long[][] cells, EvidenceSettings settings, SliceComparer comparer) {
    ExampleTable examples = excerpt.table();
    if (deployed.size() != examples.size() || candidate.size() != examples.size()
        || cells.length != excerpt.slices().size()) {
      throw new IllegalArgumentException("answers or cells do not match the excerpt's " + examples.size()
          + " rows and " + excerpt.slices().size() + " slices");
    }
    byte[] kinds = new byte[examples.size()];
    for (int row = 0; row < kinds.length; row++) {
      kinds[row] = (byte) ExampleOutcome.kindOf(examples.labels().value(row), deployed.get(row), candidate.get(row),
          excerpt.task()).ordinal();
    }
    OutcomeRows outcomes = new OutcomeRows(examples, deployed, candidate, kinds);
    // Slices are independent (each bootstrap has its own seeded stream): compared in parallel, as
    // the local engine compares them; the list keeps the golden set's order.
    List<SliceComparison> slices = java.util.stream.IntStream.range(0, cells.length).parallel()
        .mapToObj(s -> compareSlice(excerpt, outcomes, s, comparer)).toList();
    return new Comparison(outcomes, slices, List.of(), List.of(), excerpt.criticalIds(), settings);
  }

  private static int slice(ScoredExamples scored, int s) {
    if (s >= scored.members().size()) {
      throw new IllegalArgumentException("the scored rows have " + scored.members().size() + " slices, the cells more");
    }
    return s;
  }

  private static void requireCounted(String slice, long members, long[] cells) {
    long counted = 0;
    for (long count : cells) {
      counted += count;
    }
    if (counted != members) {
      throw new IllegalArgumentException("slice " + slice + ": the cells count " + counted + " examples, the scored rows "
          + members);
    }
  }

  private static SliceComparison compareSlice(GoldenSet excerpt, OutcomeRows outcomes, int s, SliceComparer comparer) {
    var slice = excerpt.slices().get(s);
    ExampleTable examples = excerpt.table();
    BitSet members = examples.members(slice.predicate());
    List<String> negativeFlipIds = new ArrayList<>();
    for (int row = members.nextSetBit(0); row >= 0; row = members.nextSetBit(row + 1)) {
      if (outcomes.kind(row) == FlipKind.NEGATIVE) {
        negativeFlipIds.add(examples.id(row));
      }
    }
    SliceComparison compared = comparer.compare(s, slice, negativeFlipIds);
    if (compared.counts().negativeFlips() != negativeFlipIds.size()) {
      throw new IllegalArgumentException("slice " + slice.name() + ": the cells count "
          + compared.counts().negativeFlips() + " negative flips, the excerpt holds " + negativeFlipIds.size());
    }
    return compared;
  }
}
