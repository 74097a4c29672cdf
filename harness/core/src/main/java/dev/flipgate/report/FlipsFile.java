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
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();

  private FlipsFile() {}

  public static void write(Path file, List<ResultDocument.Outcome> flips) throws IOException {
    try (Writer writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
        StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      for (ResultDocument.Outcome flip : flips) {
        printer.printRecord(flip.id(), flip.kind(), flip.label(), flip.deployed(), flip.candidate(),
            number(flip.deployedConfidence()), number(flip.candidateConfidence()),
            flip.slices() == null ? "" : String.join(";", flip.slices()));
      }
    }
  }

  private static String number(Double value) {
    return value == null ? "" : Double.toString(value);
  }
}
