package dev.flipgate.curation;

import dev.flipgate.goldenset.GoldenSetManifest;
import dev.flipgate.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the MNIST golden set's files. Java's gzip header carries no timestamp or file name, so
 * the compressed bytes depend only on the content.
 */
final class MnistGoldenSetWriter {
  static final String EXAMPLES = "examples.csv.gz";
  static final String ADVERSARIAL = "adversarial.csv.gz";
  static final String MANIFEST = "manifest.yaml";
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final Path directory;

  MnistGoldenSetWriter(Path directory) {
    this.directory = directory;
  }

  void writeExamples(List<MnistRow> rows) throws IOException {
    List<String> header = new ArrayList<>(List.of("id", "label", "ink", "offset", "tags"));
    header.addAll(pixelColumns());
    writeGzipCsv(EXAMPLES, header, printer -> {
      for (MnistRow row : rows) {
        List<Object> values = new ArrayList<>(List.of(row.id(), row.label(), decimal(row.ink()), decimal(row.offset()),
            String.join(";", row.tags())));
        for (int p : row.pixels()) {
          values.add(p);
        }
        printer.printRecord(values);
      }
    });
  }

  void writeAdversarial(List<AdversarialRow> rows) throws IOException {
    List<String> header = new ArrayList<>(List.of("id", "source", "perturbation", "expectation"));
    header.addAll(pixelColumns());
    writeGzipCsv(ADVERSARIAL, header, printer -> {
      for (AdversarialRow row : rows) {
        List<Object> values = new ArrayList<>(List.of(row.id(), row.source(), row.perturbation(), row.expectation()));
        for (int p : row.pixels()) {
          values.add(p);
        }
        printer.printRecord(values);
      }
    });
  }

  void writeManifest(GoldenSetManifest manifest) throws IOException {
    ManifestWriter.write(directory.resolve(MANIFEST), manifest,
        "./flipgate curate-mnist golden-sets/mnist/raw golden-sets/mnist", "MnistGoldenSetBuilder");
  }

  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private void writeGzipCsv(String name, List<String> header, Rows rows) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes, 1 << 16);
        var printer = new CSVPrinter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), CSV)) {
      printer.printRecord(header);
      rows.print(printer);
    }
    AtomicFiles.write(directory.resolve(name), bytes.toByteArray());
  }

  private static List<String> pixelColumns() {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < 784; i++) {
      columns.add("px" + i);
    }
    return columns;
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
