package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteLinesTest {

  @ParameterizedTest(name = "a buffer of {0} bytes")
  @ValueSource(ints = {6, 7, 64})
  void handsOverEachLineWithoutItsLineFeedWhateverTheBuffer(int bufferSize) throws IOException {
    var lines = new ByteLines(stream("id,a\r\n\nx,yy\nlast"), bufferSize);

    assertThat(read(lines)).containsExactly("id,a\r", "", "x,yy", "last");
    assertThat(lines.tooLong()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "\n", "one\n"})
  void aFinalLineFeedEndsTheLastLineAndMakesNoEmptyOne(String text) throws IOException {
    assertThat(read(new ByteLines(stream(text), 8))).containsExactlyElementsOf(text.lines().toList());
  }

  @ParameterizedTest(name = "a line of {0} bytes")
  @ValueSource(ints = {9, 20})
  void stopsAtALineLongerThanTheBuffer(int length) throws IOException {
    var lines = new ByteLines(stream("ok\n" + "x".repeat(length) + "\nnever"), 8);

    assertThat(read(lines)).containsExactly("ok");
    assertThat(lines.tooLong()).isTrue();
  }

  @Test
  void splitsAPlainLineAtItsCommasAndRefusesWhatCsvReadersWouldReadOtherwise() {
    int[] starts = new int[4];
    int[] ends = new int[4];
    byte[] line = "e1,south east,,31".getBytes(StandardCharsets.US_ASCII);

    assertThat(ByteLines.plainFields(line, 0, line.length, starts, ends)).isEqualTo(4);
    assertThat(new String(line, starts[1], ends[1] - starts[1], StandardCharsets.US_ASCII)).isEqualTo("south east");
    assertThat(ends[2] - starts[2]).isZero();
    for (String refused : List.of("", "\"e1\",x", "e1, x", "e1,x ", "e1,x\r", "e1,zürich", "a,b,c,d,e")) {
      byte[] bytes = refused.getBytes(StandardCharsets.UTF_8);
      assertThat(ByteLines.plainFields(bytes, 0, bytes.length, starts, ends)).as(refused).isEqualTo(-1);
    }
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<String> read(ByteLines lines) throws IOException {
    List<String> read = new ArrayList<>();
    while (lines.next()) {
      read.add(new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.US_ASCII));
    }
    return read;
  }
}
