package dev.flipgate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's files from a test, whichever directory Maven or an IDE runs it in. */
public final class RepositoryPaths {
  private RepositoryPaths() {}

  public static Path root() {
    String configured = System.getProperty("flipgate.repositoryRoot");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("golden-sets")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  public static Path mnistSuite() {
    return root().resolve("golden-sets/mnist/suite.yaml");
  }

  public static Path mnistModel(String file) {
    return root().resolve("golden-sets/mnist/models").resolve(file);
  }

  /** The raw MNIST test files the golden set is built from, kept beside it. */
  public static Path rawMnist() {
    return root().resolve("golden-sets/mnist/raw");
  }

  public static Path testResource(String relative) {
    return root().resolve("harness/fixtures").resolve(relative);
  }
}
