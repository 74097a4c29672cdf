package dev.flipgate.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sufficient statistics of a slice: how many examples share each (label, deployed answer,
 * candidate answer) triple. Every count-based metric of both models — accuracy, flip rates,
 * macro precision, recall and F1 — is a function of these counts, so a bootstrap can resample
 * cells instead of examples. Cells are in a fixed (sorted) order.
 */
public final class PairedCells {
  private final List<String> classes;
  private final int[] label;
  private final int[] deployed;
  private final int[] candidate;
  private final long[] counts;

  private PairedCells(List<String> classes, int[] label, int[] deployed, int[] candidate, long[] counts) {
    this.classes = classes;
    this.label = label;
    this.deployed = deployed;
    this.candidate = candidate;
    this.counts = counts;
  }

  public static PairedCells of(List<String> classes, List<ExampleOutcome> outcomes) {
    Map<List<Integer>, Long> cells = new TreeMap<>((x, y) -> {
      for (int i = 0; i < 3; i++) {
        int order = Integer.compare(x.get(i), y.get(i));
        if (order != 0) {
          return order;
        }
      }
      return 0;
    });
    for (ExampleOutcome o : outcomes) {
      cells.merge(List.of(classes.indexOf(o.label()), classes.indexOf(o.deployed().label()),
          classes.indexOf(o.candidate().label())), 1L, Long::sum);
    }
    int size = cells.size();
    int[] label = new int[size];
    int[] deployed = new int[size];
    int[] candidate = new int[size];
    long[] counts = new long[size];
    int i = 0;
    for (var cell : cells.entrySet()) {
      label[i] = cell.getKey().get(0);
      deployed[i] = cell.getKey().get(1);
      candidate[i] = cell.getKey().get(2);
      counts[i++] = cell.getValue();
    }
    return new PairedCells(List.copyOf(classes), label, deployed, candidate, counts);
  }

  public long[] counts() {
    return counts.clone();
  }

  public ClassificationMetrics deployedMetrics(double[] weights) {
    return ClassificationMetrics.weighted(classes.size(), label, deployed, weights);
  }

  public ClassificationMetrics candidateMetrics(double[] weights) {
    return ClassificationMetrics.weighted(classes.size(), label, candidate, weights);
  }

  /** The weighted negative flip rate: deployed right and candidate wrong, over all. */
  public double negativeFlipRate(double[] weights) {
    double negative = 0;
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      negative += label[i] == deployed[i] && label[i] != candidate[i] ? weights[i] : 0;
    }
    return total == 0 ? Double.NaN : negative / total;
  }

  /** The flip matrix: how many examples each (deployed answer, candidate answer) pair has. */
  public List<List<Long>> flipMatrix() {
    List<List<Long>> matrix = new ArrayList<>();
    long[][] cells = new long[classes.size()][classes.size()];
    for (int i = 0; i < counts.length; i++) {
      cells[deployed[i]][candidate[i]] += counts[i];
    }
    for (long[] row : cells) {
      matrix.add(java.util.Arrays.stream(row).boxed().toList());
    }
    return matrix;
  }
}
