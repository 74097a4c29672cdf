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
 * The independent reference for the MNIST gate: each model's answer on every raw test image,
 * computed once with ONNX Runtime's Node.js binding straight from the IDX files by
 * tools/reference/mnist-reference-predictions.js (not by Flipgate's code or golden set).
 */
public record MnistReference(List<Row> rows) {

  public record Row(String id, String label, String deployed, String cnn, String int8) {
    public String answer(String model) {
      return switch (model) {
        case "cnn" -> cnn;
        case "int8" -> int8;
        default -> deployed;
      };
    }
  }

  public static MnistReference load() {
    try {
      List<String> lines = Files.readAllLines(RepositoryPaths.testResource("reference/mnist-onnxruntime-node.csv"));
      if (!lines.get(0).equals("index,label,mnist-8,cnn,int8")) {
        throw new IllegalStateException("unexpected reference header " + lines.get(0));
      }
      return new MnistReference(lines.stream().skip(1).map(line -> line.split(",")).map(f -> new Row(
          String.format(Locale.ROOT, "t10k-%05d", Integer.parseInt(f[0])), f[1], f[2], f[3], f[4])).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double accuracy(String model) {
    return rows.stream().filter(r -> r.answer(model).equals(r.label())).count() / (double) rows.size();
  }

  public Set<String> negativeFlips(String candidate) {
    return rows.stream().filter(r -> r.deployed().equals(r.label()) && !r.answer(candidate).equals(r.label()))
        .map(Row::id).collect(Collectors.toCollection(TreeSet::new));
  }

  public Set<String> positiveFlips(String candidate) {
    return rows.stream().filter(r -> !r.deployed().equals(r.label()) && r.answer(candidate).equals(r.label()))
        .map(Row::id).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Digits whose accuracy drops by more than {@code maxDrop} from deployed to the candidate. */
  public Set<String> digitsDroppingMoreThan(String candidate, double maxDrop) {
    Set<String> digits = new TreeSet<>();
    for (int digit = 0; digit < 10; digit++) {
      String label = String.valueOf(digit);
      List<Row> ofDigit = rows.stream().filter(r -> r.label().equals(label)).toList();
      long before = ofDigit.stream().filter(r -> r.deployed().equals(label)).count();
      long after = ofDigit.stream().filter(r -> r.answer(candidate).equals(label)).count();
      if ((before - after) / (double) ofDigit.size() > maxDrop) {
        digits.add(label);
      }
    }
    return digits;
  }
}
