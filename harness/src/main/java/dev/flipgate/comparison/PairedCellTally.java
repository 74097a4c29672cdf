package dev.flipgate.comparison;

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
   * @param members per slice, the positions of its examples in {@code outcomes}
   * @return per slice, the dense cell counts {@link PairedCells#ofDense} takes
   */
  static long[][] count(List<String> classes, List<ExampleOutcome> outcomes, List<BitSet> members) {
    int k = classes.size();
    Map<String, Integer> codes = new HashMap<>();
    for (int c = 0; c < k; c++) {
      codes.put(classes.get(c), c);
    }
    long[][] cells = new long[members.size()][Math.multiplyExact(k, Math.multiplyExact(k, k))];
    BitSet[] slices = members.toArray(BitSet[]::new);
    for (int i = 0; i < outcomes.size(); i++) {
      ExampleOutcome outcome = outcomes.get(i);
      int cell = (code(codes, outcome.label()) * k + code(codes, outcome.deployed().label())) * k
          + code(codes, outcome.candidate().label());
      for (int s = 0; s < slices.length; s++) {
        if (slices[s].get(i)) {
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
