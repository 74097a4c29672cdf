package dev.flipgate.curation;

import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.goldenset.GoldenSetManifest.ColumnsDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.ExamplesDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.InputDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.RangeDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.SliceDeclaration;
import dev.flipgate.goldenset.GoldenSetManifest.WhereDeclaration;
import dev.flipgate.io.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds {@code golden-sets/breast-cancer} from scikit-learn's Wisconsin diagnostic breast cancer
 * CSV: only the 171 rows held out from the models' training (per the split file), with the 30
 * raw features as written (standardization is the suite's job, not the data's), the label, and
 * tumour radius and texture as metadata for clinically meaningful bands (terciles of the held-out
 * rows). Run it with {@code ./flipgate curate-breast-cancer golden-sets/breast-cancer/raw golden-sets/breast-cancer}.
 */
public final class BreastCancerGoldenSetBuilder {
  static final String EXAMPLES = "examples.csv";
  /** The CSV's class column: 0 = malignant, 1 = benign (scikit-learn's target order). */
  private static final List<String> CSV_CLASSES = List.of("malignant", "benign");

  public void build(Path rawDirectory, Path goldenSetDirectory) throws IOException {
    List<String> rows = Files.readAllLines(rawDirectory.resolve("breast_cancer.csv"));
    List<Integer> heldOut = Files.readAllLines(rawDirectory.resolve("breast_cancer-split.csv")).stream().skip(1)
        .map(line -> line.split(",")).filter(f -> f[1].strip().equals("test")).map(f -> Integer.parseInt(f[0].strip()))
        .sorted().toList();
    List<String[]> examples = heldOut.stream().map(row -> rows.get(row + 1).split(",")).toList();
    double[] radius = examples.stream().mapToDouble(f -> Double.parseDouble(f[0])).sorted().toArray();
    double[] texture = examples.stream().mapToDouble(f -> Double.parseDouble(f[1])).sorted().toArray();
    writeExamples(goldenSetDirectory.resolve(EXAMPLES), heldOut, examples);
    writeManifest(goldenSetDirectory.resolve("manifest.yaml"), heldOut.size(), tercile(radius, 1), tercile(radius, 2),
        tercile(texture, 1), tercile(texture, 2));
  }

  /** The value at rank ⌊(k/3)·(n−1)⌋ of the sorted held-out values. */
  private static double tercile(double[] sorted, int k) {
    return sorted[(int) Math.floor(k / 3.0 * (sorted.length - 1))];
  }

  private static void writeExamples(Path file, List<Integer> heldOut, List<String[]> examples) throws IOException {
    var text = new StringWriter();
    List<String> header = new ArrayList<>(List.of("id", "label", "radius", "texture"));
    header.addAll(features());
    try (var printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (int i = 0; i < heldOut.size(); i++) {
        String[] fields = examples.get(i);
        List<String> values = new ArrayList<>(List.of(String.format(Locale.ROOT, "wdbc-%03d", heldOut.get(i)),
            CSV_CLASSES.get(Integer.parseInt(fields[30].strip())), fields[0], fields[1]));
        values.addAll(List.of(fields).subList(0, 30));
        printer.printRecord(values);
      }
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> features() {
    return IntStream.range(0, 30).mapToObj(i -> String.format(Locale.ROOT, "f%02d", i)).toList();
  }

  private static void writeManifest(Path file, int size, double radius1, double radius2, double texture1, double texture2)
      throws IOException {
    List<SliceDeclaration> slices = new ArrayList<>(List.of(
        new SliceDeclaration("malignant", "tumours diagnosed malignant", new WhereDeclaration("label", "malignant", null, null), null),
        new SliceDeclaration("benign", "tumours diagnosed benign", new WhereDeclaration("label", "benign", null, null), null)));
    slices.addAll(bands("radius", "mean radius (mm)", radius1, radius2, "small", "medium", "large"));
    slices.addAll(bands("texture", "mean texture (grey-level standard deviation)", texture1, texture2, "smooth", "medium", "coarse"));
    var manifest = new GoldenSetManifest("breast-cancer", "1.0.0",
        "The " + size + " Wisconsin diagnostic breast cancer cases held out from the models' training, "
            + "with tumour radius and texture bands. Built by BreastCancerGoldenSetBuilder.",
        null, null,
        List.of("benign", "malignant"), "malignant",
        new InputDeclaration(new ColumnsDeclaration(features(), null, null), List.of(30), null),
        new ExamplesDeclaration(EXAMPLES, "id", "label", List.of("radius", "texture"), null, null),
        slices, null, null);
    ManifestWriter.write(file, manifest,
        "./flipgate curate-breast-cancer golden-sets/breast-cancer/raw golden-sets/breast-cancer",
        "BreastCancerGoldenSetBuilder");
  }

  /** Three bands split at the terciles: below the first, between, and from the second up. */
  private static List<SliceDeclaration> bands(String column, String measure, double first, double second,
      String low, String middle, String high) {
    return List.of(
        new SliceDeclaration(column + "-" + low, "the lowest third by " + measure + ": below " + first,
            new WhereDeclaration(column, null, null, new RangeDeclaration(null, first)), null),
        new SliceDeclaration(column + "-" + middle, "the middle third by " + measure + ": " + first + " to " + second,
            new WhereDeclaration(column, null, null, new RangeDeclaration(first, second)), null),
        new SliceDeclaration(column + "-" + high, "the highest third by " + measure + ": " + second + " or more",
            new WhereDeclaration(column, null, null, new RangeDeclaration(second, null)), null));
  }
}
