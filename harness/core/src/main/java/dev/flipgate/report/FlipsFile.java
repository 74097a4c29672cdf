package dev.flipgate.report;

import dev.flipgate.report.result.ResultDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * flips.csv.gz: every flip of a run, in golden-set order — the complete list that result.json
 * abbreviates beyond {@value ResultDocument#INLINE_FLIPS} flips. One row per example: its id, the
 * kind of flip, the label, both models' answers and confidences, and the slices it is in
 * (';'-separated). Golden-set text is written as CSV quotes it, never interpreted.
 */
public final class FlipsFile {
  static final String[] HEADER = {
    "id", "kind", "label", "deployed", "candidate", "deployed_confidence", "candidate_confidence", "slices"
  };
  /** A text golden set's flips carry their sentence in a last column. */
  static final String TEXT = "text";

  private FlipsFile() {}

  public static void write(Path file, List<ResultDocument.Outcome> flips) throws IOException {
    boolean texts = !flips.isEmpty() && flips.get(0).text() != null;
    String[] header = HEADER;
    if (texts) {
      header = java.util.Arrays.copyOf(HEADER, HEADER.length + 1);
      header[HEADER.length] = TEXT;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
    try (Writer writer = new BufferedWriter(new OutputStreamWriter(fastGzip(Files.newOutputStream(file)),
        StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, format)) {
      for (ResultDocument.Outcome flip : flips) {
        var row = new java.util.ArrayList<Object>(List.of(flip.id(), flip.kind(), flip.label(), flip.deployed(),
            flip.candidate(), number(flip.deployedConfidence()), number(flip.candidateConfidence()),
            flip.slices() == null ? "" : String.join(";", flip.slices())));
        if (texts) {
          row.add(flip.text());
        }
        printer.printRecord(row);
      }
    }
  }

  /**
   * Gzip at its fastest level: at a million examples the flips are megabytes of CSV, and the
   * default level took three times as long for a file a fifth smaller.
   */
  private static GZIPOutputStream fastGzip(java.io.OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    };
  }

  private static String number(Double value) {
    return value == null ? "" : Double.toString(value);
  }
}
