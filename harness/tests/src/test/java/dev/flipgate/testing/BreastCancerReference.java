package dev.flipgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The independent reference for the breast-cancer gate: both Tribuo models' answers on the
 * held-out rows, computed once by tools/reference/breast-cancer-reference-predictions.js with
 * ONNX Runtime's Node.js binding from the raw CSV and standardizer.
 */
public record BreastCancerReference(List<Row> rows) {

  public record Row(String id, String label, String deployed, String candidate) {}

  public static BreastCancerReference load() {
    try {
      List<String> lines = Files.readAllLines(RepositoryPaths.testResource("reference/breast-cancer-onnxruntime-node.csv"));
      return new BreastCancerReference(lines.stream().skip(1).map(l -> l.split(",")).map(f -> new Row(
          String.format(Locale.ROOT, "wdbc-%03d", Integer.parseInt(f[0])), f[1], f[2], f[3])).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Set<String> negativeFlips() {
    return rows.stream().filter(r -> r.deployed().equals(r.label()) && !r.candidate().equals(r.label()))
        .map(Row::id).collect(Collectors.toCollection(TreeSet::new));
  }

  public Set<String> positiveFlips() {
    return rows.stream().filter(r -> !r.deployed().equals(r.label()) && r.candidate().equals(r.label()))
        .map(Row::id).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Recall on the malignant class: the share of malignant tumours the model flags. */
  public double malignantRecall(boolean candidate) {
    List<Row> malignant = rows.stream().filter(r -> r.label().equals("malignant")).toList();
    return malignant.stream().filter(r -> (candidate ? r.candidate() : r.deployed()).equals("malignant")).count()
        / (double) malignant.size();
  }
}
