package dev.flipgate.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Finds the first line of a file that is not UTF-8, so that a reader refusing the file can say
 * which line to fix. Run only after a strict decoder has refused it: one more pass, a line at a
 * time through the JDK's own strict decoder.
 */
public final class InvalidUtf8 {
  private InvalidUtf8() {}

  /** Whether {@code failure} or one of its causes is a strict decoder's refusal. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** The first line (from 1) that does not decode; empty when every line does. */
  public static OptionalLong firstBadLine(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = new BufferedInputStream(
            file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
      var bytes = new ByteArrayOutputStream();
      long line = 1;
      for (int b = in.read(); ; b = in.read()) {
        if (b >= 0 && b != '\n') {
          bytes.write(b);
          continue;
        }
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
          return OptionalLong.of(line);
        }
        if (b < 0) {
          return OptionalLong.empty();
        }
        bytes.reset();
        line++;
      }
    }
  }
}
