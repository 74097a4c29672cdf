package dev.flipgate.comparison;

import dev.flipgate.goldenset.DictionaryColumn;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.model.Prediction;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every slice's (label, deployed answer, candidate answer) cells in one pass over the
 * examples: each example's cell is found once and added to each slice it belongs to, instead of
 * every slice scanning every example.
 */
final class PairedCellTally {
  private PairedCellTally() {}

  /**
   * @param deployed and {@code candidate}: each model's answer by row (every example has one)
   * @param members per slice, its rows
   * @return per slice, the dense cell counts {@link PairedCells#ofDense} takes
   */
  static long[][] count(List<String> classes, ExampleTable examples, List<Prediction> deployed,
      List<Prediction> candidate, List<BitSet> members) {
    int k = classes.size();
    Map<String, Integer> codes = codes(classes);
    int[] classOfLabel = classOfLabel(codes, examples.labels());
    long[][] cells = new long[members.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    BitSet[] slices = members.toArray(BitSet[]::new);
    for (int row = 0; row < examples.size(); row++) {
      int cell = (classOfLabel[examples.labels().code(row)] * k + code(codes, deployed.get(row).label())) * k
          + code(codes, candidate.get(row).label());
      add(cells, slices, row, cell);
    }
    return cells;
  }

  /** Like {@link #count}, from class codes by row already made (label, deployed, candidate). */
  static long[][] count(int classCount, ClassCodes codes, List<BitSet> members) {
    int k = classCount;
    long[][] cells = new long[members.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    BitSet[] slices = members.toArray(BitSet[]::new);
    for (int row = 0; row < codes.label().length; row++) {
      add(cells, slices, row, (codes.label()[row] * k + codes.deployed()[row]) * k + codes.candidate()[row]);
    }
    return cells;
  }

  /** Every example's label and both answers as class indices. */
  record ClassCodes(int[] label, int[] deployed, int[] candidate) {
    static ClassCodes of(List<String> classes, ExampleTable examples, List<Prediction> deployed, List<Prediction> candidate) {
      Map<String, Integer> codes = codes(classes);
      int[] classOfLabel = classOfLabel(codes, examples.labels());
      int n = examples.size();
      int[] label = new int[n];
      int[] before = new int[n];
      int[] after = new int[n];
      for (int row = 0; row < n; row++) {
        label[row] = classOfLabel[examples.labels().code(row)];
        before[row] = code(codes, deployed.get(row).label());
        after[row] = code(codes, candidate.get(row).label());
      }
      return new ClassCodes(label, before, after);
    }
  }

  private static void add(long[][] cells, BitSet[] slices, int row, int cell) {
    for (int s = 0; s < slices.length; s++) {
      if (slices[s].get(row)) {
        cells[s][cell]++;
      }
    }
  }

  private static Map<String, Integer> codes(List<String> classes) {
    Map<String, Integer> codes = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      codes.put(classes.get(c), c);
    }
    return codes;
  }

  private static int[] classOfLabel(Map<String, Integer> codes, DictionaryColumn labels) {
    return labels.values().stream().mapToInt(label -> code(codes, label)).toArray();
  }

  private static int code(Map<String, Integer> codes, String label) {
    Integer code = codes.get(label);
    if (code == null) {
      throw new IllegalStateException("an answer outside the classes reached the comparison: '" + label + "'");
    }
    return code;
  }
}
