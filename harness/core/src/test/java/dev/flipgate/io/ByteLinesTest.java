package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
