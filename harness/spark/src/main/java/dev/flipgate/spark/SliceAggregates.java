package dev.flipgate.spark;

import java.util.List;

/**
 * What the executors hand the driver for an answers-only classification gate: per slice, the
 * count of every (label, deployed answer, candidate answer) cell, laid out as the local engine's
 * {@code PairedCells.ofDense} takes them ({@code (label·k + deployed)·k + candidate}), and the
 * ids of its negative flips in id order, at most {@code cap} of them. Sums of these over any
 * partitioning of the rows are the same, so they merge.
 */
public record SliceAggregates(List<String> slices, int classCount, long[][] cells, List<List<String>> negativeFlips, int cap) {

  /** The slice's negative flips: deployed right, candidate wrong, from its cells. */
  public long negativeFlipCount(int slice) {
    int k = classCount;
    long count = 0;
    for (int label = 0; label < k; label++) {
      for (int candidate = 0; candidate < k; candidate++) {
        if (candidate != label) {
          count += cells[slice][(label * k + label) * k + candidate];
        }
      }
    }
    return count;
  }
}
