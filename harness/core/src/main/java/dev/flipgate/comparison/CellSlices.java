package dev.flipgate.comparison;

import dev.flipgate.goldenset.SliceDefinition;
import java.util.List;
import java.util.Optional;

/**
 * A classification slice compared from its cell counts alone — the (label, deployed answer,
 * candidate answer) counts an engine that never holds the examples (Spark) reduces from its
 * partitions. The metrics, intervals and tests are the ones {@link ComparisonCalculator} computes
 * from the same cells, so the same counts give the same slice.
 */
public final class CellSlices {
  private CellSlices() {}

  /**
   * @param dense the slice's count of every cell at {@code (label·k + deployed)·k + candidate}, k the class count
   * @param negativeFlipIds the ids of its negative flips to show (all of them, or the first by id)
   */
  public static SliceComparison compare(SliceDefinition slice, List<String> classes, Optional<String> positiveClass,
      long[] dense, List<String> negativeFlipIds, EvidenceSettings settings) {
    return compare(slice, classes, positiveClass, dense, negativeFlipIds, settings, Optional.empty(), Optional.empty());
  }

  /** As above, with each model's score metrics on the slice (when it scored every member). */
  static SliceComparison compare(SliceDefinition slice, List<String> classes, Optional<String> positiveClass,
      long[] dense, List<String> negativeFlipIds, EvidenceSettings settings, Optional<ScoreMetrics> deployedScores,
      Optional<ScoreMetrics> candidateScores) {
    int k = classes.size();
    if (dense.length != k * k * k) {
      throw new IllegalArgumentException("slice " + slice.name() + ": " + dense.length + " cells for " + k + " classes");
    }
    long[] kinds = new long[FlipKind.values().length];
    for (int label = 0; label < k; label++) {
      for (int deployed = 0; deployed < k; deployed++) {
        for (int candidate = 0; candidate < k; candidate++) {
          kinds[FlipKind.of(deployed == label, candidate == label).ordinal()] += dense[(label * k + deployed) * k + candidate];
        }
      }
    }
    FlipCounts counts = new FlipCounts(kinds[FlipKind.BOTH_RIGHT.ordinal()], kinds[FlipKind.NEGATIVE.ordinal()],
        kinds[FlipKind.POSITIVE.ordinal()], kinds[FlipKind.BOTH_WRONG.ordinal()]);
    var metrics = new AnswerMetrics(classes, positiveClass.map(classes::indexOf).orElse(-1));
    SliceComparisonParts parts = SliceComparisonParts.of(PairedCells.ofDense(metrics, k, dense), deployedScores,
        candidateScores);
    return new SliceComparison(slice.name(), slice.description(), counts, parts.deployed(), parts.candidate(),
        List.copyOf(negativeFlipIds), parts.cells(), new SliceEvidenceCalculator(settings).of(slice.name(), counts, parts));
  }
}
