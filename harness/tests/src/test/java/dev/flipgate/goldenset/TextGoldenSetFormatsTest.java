package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.SentimentReference;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 3,000 sentences as JSON lines and as RFC 4180 CSV (written by Commons CSV: commas,
 * quotes and U+0085 inside quoted fields) load as the same texts, character for character.
 */
class TextGoldenSetFormatsTest {
  @TempDir Path directory;

  @Test
  void csvAndJsonLinesHoldTheSameTexts() throws IOException {
    GoldenSet jsonLines = GoldenSetLoader.load(SentimentReference.goldenSet());
    var csv = new StringWriter();
    try (var printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      printer.printRecord("id", "text", "label", "source");
      for (Example example : jsonLines.examples()) {
        printer.printRecord(example.id(), example.input().text(), example.label(), example.column("source").orElseThrow());
      }
    }
    Files.writeString(directory.resolve("examples.csv"), csv.toString());
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: sentiment-csv
        classes: [negative, positive]
        input: { text: text }
        examples: { file: examples.csv, metadata: [source] }
        """);

    GoldenSet fromCsv = GoldenSetLoader.load(directory);

    assertThat(fromCsv.inputLayout().isText()).isTrue();
    List<String> texts = jsonLines.examples().stream().map(e -> e.input().text()).toList();
    assertThat(fromCsv.examples().stream().map(e -> e.input().text()).toList()).isEqualTo(texts);
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("\u0085")).anySatisfy(t -> assertThat(t).contains("\""))
        .anySatisfy(t -> assertThat(t).contains(","));
  }
}
