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
    Map<String, Integer> codes = new HashMap<>();
    for (int c = 0; c < k; c++) {
      codes.put(classes.get(c), c);
    }
    DictionaryColumn labels = examples.labels();
    int[] classOfLabel = labels.values().stream().mapToInt(label -> code(codes, label)).toArray();
    long[][] cells = new long[members.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    BitSet[] slices = members.toArray(BitSet[]::new);
    for (int row = 0; row < examples.size(); row++) {
      int cell = (classOfLabel[labels.code(row)] * k + code(codes, deployed.get(row).label())) * k
          + code(codes, candidate.get(row).label());
      for (int s = 0; s < slices.length; s++) {
        if (slices[s].get(row)) {
          cells[s][cell]++;
        }
      }
    }
    return cells;
  }

  private static int code(Map<String, Integer> codes, String label) {
    Integer code = codes.get(label);
    if (code == null) {
      throw new IllegalStateException("an answer outside the classes reached the comparison: '" + label + "'");
    }
    return code;
  }
}
