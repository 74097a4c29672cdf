package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-lines data files: one record a {@code \n}-ended line, whatever else the texts hold; strict UTF-8 with the bad line named. */
class JsonLinesRecordsTest {
  @TempDir Path directory;

  private List<List<String>> read(String name, byte[] content) throws IOException {
    Path file = directory.resolve(name);
    Files.write(file, content);
    List<List<String>> rows = new ArrayList<>();
    try (TableRecords records = TableRecords.open(file)) {
      rows.add(records.header());
      while (records.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          row.add(records.get(i));
        }
        row.add("@" + records.position());
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void recordsAreSplitOnLineFeedsOnlyAndValuesReadAsTheirText() throws IOException {
    String text = "{\"id\": \"a\", \"text\": \"one\u0085two\u2028three\u2029four\\rfive\", \"n\": 3, \"ok\": true, \"none\": null}\r\n"
        + "\n"
        + "{\"ok\": false, \"none\": \"x\", \"n\": 2.5e1, \"text\": \"caf\u00e9\", \"id\": \"b\"}";

    assertThat(read("rows.jsonl", text.getBytes(StandardCharsets.UTF_8))).containsExactly(
        List.of("id", "text", "n", "ok", "none"),
        List.of("a", "one\u0085two\u2028three\u2029four\rfive", "3", "true", "", "@1"),
        List.of("b", "caf\u00e9", "25.0", "false", "x", "@3"));
  }

  @Test
  void aGzipCompressedFileReadsTheSame() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write("{\"id\": \"a\", \"text\": \"x\u0085y\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read("rows.jsonl.gz", bytes.toByteArray())).containsExactly(List.of("id", "text"), List.of("a", "x\u0085y", "@1"));
  }

  @Test
  void aNestedValueOrOtherKeysNameTheirLine() {
    assertThatThrownBy(() -> read("nested.jsonl", "{\"id\": \"a\", \"v\": 1}\n{\"id\": \"b\", \"v\": [1]}\n".getBytes()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 2").hasMessageContaining("nested value");
    assertThatThrownBy(() -> read("keys.jsonl", "{\"id\": \"a\", \"v\": 1}\n\n{\"id\": \"b\", \"w\": 1}\n".getBytes()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 3").hasMessageContaining("other keys")
        .hasMessageContaining("[id, v]").hasMessageContaining("keys [id, w]");
    assertThatThrownBy(() -> read("broken.jsonl", "{\"id\": \"a\"}\n{\"id\": \"b\"\n".getBytes()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 2").hasMessageContaining("invalid JSON line");
  }

  @Test
  void aRecordLocatesFaultsByItsLine() throws IOException {
    Path file = directory.resolve("rows.jsonl");
    Files.writeString(file, "\n{\"id\": \"a\"}\n\n{\"id\": \"b\"}\n");
    try (TableRecords records = TableRecords.open(file)) {
      assertThat(records.next()).isTrue();
      assertThat(records.next()).isTrue();
      assertThat(records.positionName()).isEqualTo("line");
      assertThat(records.locate(dev.flipgate.failure.Problem.at(file)).configurationError("x").getMessage())
          .contains("rows.jsonl, line 4");
      assertThat(records.next()).isFalse();
    }
  }

  @Test
  void aStrictDecoderRefusalIsRecognisedThroughItsWrappers() {
    var refusal = new java.nio.charset.MalformedInputException(1);
    assertThat(InvalidUtf8.causedBy(new java.io.UncheckedIOException(new IOException(refusal)))).isTrue();
    assertThat(InvalidUtf8.causedBy(new java.io.UncheckedIOException(new IOException("disk full")))).isFalse();
  }

  @Test
  void theFirstLineThatIsNotUtf8IsFound() throws IOException {
    Path file = directory.resolve("latin1.csv");
    Files.write(file, new byte[] {'i', 'd', '\n', 'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n', 'b', '\n'});

    assertThat(InvalidUtf8.firstBadLine(file)).hasValue(3);
    Files.write(file, "id\ncaf\u00e9\n".getBytes(StandardCharsets.UTF_8));
    assertThat(InvalidUtf8.firstBadLine(file)).isEmpty();
  }
}
