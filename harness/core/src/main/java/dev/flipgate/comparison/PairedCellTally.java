package dev.flipgate.comparison;

import dev.flipgate.goldenset.DictionaryColumn;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.model.AnswerColumns;
import dev.flipgate.model.Prediction;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

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
    IntUnaryOperator before = codeOfRow(classes, codes, deployed);
    IntUnaryOperator after = codeOfRow(classes, codes, candidate);
    for (int row = 0; row < examples.size(); row++) {
      int cell = (classOfLabel[examples.labels().code(row)] * k + before.applyAsInt(row)) * k + after.applyAsInt(row);
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
      }
      answerCodes(classes, codes, deployed, before);
      answerCodes(classes, codes, candidate, after);
      return new ClassCodes(label, before, after);
    }

    private static void answerCodes(List<String> classes, Map<String, Integer> codes, List<Prediction> answers, int[] into) {
      IntUnaryOperator codeOf = codeOfRow(classes, codes, answers);
      for (int row = 0; row < into.length; row++) {
        into[row] = codeOf.applyAsInt(row);
      }
    }
  }

  /** Each row's answer as a class index: stored answers in the golden set's classes are codes already. */
  private static IntUnaryOperator codeOfRow(List<String> classes, Map<String, Integer> codes, List<Prediction> answers) {
    if (answers instanceof AnswerColumns stored && stored.classes().equals(classes)) {
      return stored::code;
    }
    return row -> code(codes, answers.get(row).label());
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
