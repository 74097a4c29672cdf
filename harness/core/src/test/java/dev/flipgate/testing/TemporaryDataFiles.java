package dev.flipgate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Data files written for one property try: a temporary file removed when the JVM exits. */
public final class TemporaryDataFiles {
  private TemporaryDataFiles() {}

  /** {@code content} as UTF-8 in a new {@code .csv} file, gzip-compressed ({@code .csv.gz}) when asked. */
  public static Path csv(String content, boolean gzip) {
    try {
      Path file = Files.createTempFile("flipgate-data", gzip ? ".csv.gz" : ".csv");
      file.toFile().deleteOnExit();
      try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
