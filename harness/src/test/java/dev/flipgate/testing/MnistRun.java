package dev.flipgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's first command, run once per test JVM and shared by the tests that read its
 * output: running 11,500 images through two models for each test class would only cost time.
 */
public final class MnistRun {
  private static CliRun run;
  private static Path directory;

  private MnistRun() {}

  public static synchronized CliRun cnn() {
    if (run == null) {
      try {
        directory = Files.createTempDirectory("flipgate-mnist-cnn");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run = CliRun.of("gate", RepositoryPaths.mnistSuite().toString(), "--out", directory.toString(), "--quiet");
    }
    return run;
  }

  public static synchronized Path cnnDirectory() {
    cnn();
    return directory;
  }
}
