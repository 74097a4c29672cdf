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

  /**
   * As above, with each model's score metrics from its binned scores on the slice (absent for a
   * model that gave no scores), and how closely they approach the exact ones.
   */
  public static SliceComparison compareBinned(SliceDefinition slice, List<String> classes, Optional<String> positiveClass,
      long[] dense, List<String> negativeFlipIds, EvidenceSettings settings, Optional<BinnedScores> deployedScores,
      Optional<BinnedScores> candidateScores) {
    int positive = positiveClass.map(classes::indexOf).orElse(-1);
    var metrics = new AnswerMetrics(classes, positive);
    SliceComparisonParts parts = SliceComparisonParts.of(
        PairedCells.ofDense(metrics, classes.size(), requireFits(slice, classes, dense)),
        deployedScores.map(s -> s.values(positive)).orElse(java.util.Map.of()),
        candidateScores.map(s -> s.values(positive)).orElse(java.util.Map.of()));
    SliceComparison compared = of(slice, classes, dense, negativeFlipIds, settings, parts);
    var approximation = new ScoreApproximation(settings.scoreBins(),
        deployedScores.map(s -> s.errorBounds(positive)).orElse(java.util.Map.of()),
        candidateScores.map(s -> s.errorBounds(positive)).orElse(java.util.Map.of()));
    return new SliceComparison(compared.name(), compared.description(), compared.counts(), compared.deployed(),
        compared.candidate(), compared.negativeFlipIds(), compared.cells(), compared.evidence(), Optional.of(approximation));
  }

  /** As above, with each model's score metrics on the slice (when it scored every member). */
  static SliceComparison compare(SliceDefinition slice, List<String> classes, Optional<String> positiveClass,
      long[] dense, List<String> negativeFlipIds, EvidenceSettings settings, Optional<ScoreMetrics> deployedScores,
      Optional<ScoreMetrics> candidateScores) {
    var metrics = new AnswerMetrics(classes, positiveClass.map(classes::indexOf).orElse(-1));
    return of(slice, classes, dense, negativeFlipIds, settings,
        SliceComparisonParts.of(PairedCells.ofDense(metrics, classes.size(), requireFits(slice, classes, dense)),
            deployedScores, candidateScores));
  }

  private static long[] requireFits(SliceDefinition slice, List<String> classes, long[] dense) {
    int k = classes.size();
    if (dense.length != k * k * k) {
      throw new IllegalArgumentException("slice " + slice.name() + ": " + dense.length + " cells for " + k + " classes");
    }
    return dense;
  }

  private static SliceComparison of(SliceDefinition slice, List<String> classes, long[] dense,
      List<String> negativeFlipIds, EvidenceSettings settings, SliceComparisonParts parts) {
    int k = classes.size();
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
    return new SliceComparison(slice.name(), slice.description(), counts, parts.deployed(), parts.candidate(),
        List.copyOf(negativeFlipIds), parts.cells(), new SliceEvidenceCalculator(settings).of(slice.name(), counts, parts));
  }
}
