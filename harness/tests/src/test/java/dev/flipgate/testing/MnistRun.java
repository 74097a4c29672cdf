package dev.flipgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's first command (plus {@code --junit-xml} and {@code --allure-results}), run once per test JVM and shared by the tests that read its
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
      run = CliRun.of("gate", RepositoryPaths.mnistSuite().toString(), "--out", directory.toString(), "--quiet",
          "--junit-xml", directory.resolveSibling(directory.getFileName() + "-junit").toString(),
          "--allure-results", directory.resolveSibling(directory.getFileName() + "-allure").toString());
    }
    return run;
  }

  public static synchronized Path cnnDirectory() {
    cnn();
    return directory;
  }

  /** Where the same run wrote its JUnit XML ({@code --junit-xml}). */
  public static synchronized Path junitXmlDirectory() {
    cnn();
    return directory.resolveSibling(directory.getFileName() + "-junit");
  }

  /** Where the same run wrote its Allure results ({@code --allure-results}). */
  public static synchronized Path allureResultsDirectory() {
    cnn();
    return directory.resolveSibling(directory.getFileName() + "-allure");
  }
}
