package dev.flipgate.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclaredPathsTest {

  @Nested
  class ASuiteIsTrustedLikeABuildFile {
    private final Path suite = Path.of("/repo/golden-sets/mnist/suite.yaml");

    @Test
    void resolvesAgainstTheSuitesDirectory() {
      assertThat(DeclaredPaths.resolve(suite, "models/./mnist-8.onnx", "model file"))
          .isEqualTo(Path.of("/repo/golden-sets/mnist/models/mnist-8.onnx"));
    }

    @Test
    void mayPointOutsideItsDirectory() {
      assertThat(DeclaredPaths.resolve(suite, "../../models/cnn.onnx", "model file")).isEqualTo(Path.of("/repo/models/cnn.onnx"));
      assertThat(DeclaredPaths.resolve(suite, "/opt/models/cnn.onnx", "model file")).isEqualTo(Path.of("/opt/models/cnn.onnx"));
    }
  }

  @Nested
  class GoldenSetContentIsConfined {
    @TempDir Path root;
    private Path manifest;

    private Path goldenSet() throws IOException {
      Path directory = Files.createDirectories(root.resolve("golden"));
      manifest = Files.writeString(directory.resolve("manifest.yaml"), "name: g\n");
      Files.writeString(directory.resolve("examples.csv"), "id,label\n");
      Files.writeString(root.resolve("secret.csv"), "id,label\n");
      return directory;
    }

    @Test
    void aFileInsideTheGoldenSetIsRead() throws IOException {
      Path directory = goldenSet();

      assertThat(DeclaredPaths.resolveConfined(manifest, "./examples.csv", "examples file"))
          .isEqualTo(directory.resolve("examples.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.csv", "data/../../secret.csv"})
    void aPathThatClimbsOutIsRefused(String declared) throws IOException {
      goldenSet();

      assertThatThrownBy(() -> DeclaredPaths.resolveConfined(manifest, declared, "examples file"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("path leaves the golden set")
          .hasMessageContaining("'" + declared + "'");
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
      goldenSet();
      String declared = root.resolve("secret.csv").toString();

      assertThatThrownBy(() -> DeclaredPaths.resolveConfined(manifest, declared, "examples file"))
          .hasMessageContaining("path leaves the golden set");
    }

    @Test
    void aSymlinkThatPointsOutIsRefusedByItsRealPath() throws IOException {
      Path directory = goldenSet();
      Files.createSymbolicLink(directory.resolve("linked.csv"), root.resolve("secret.csv"));

      assertThatThrownBy(() -> DeclaredPaths.resolveConfined(manifest, "linked.csv", "examples file"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("path leaves the golden set")
          .hasMessageContaining("a link to " + root.resolve("secret.csv").toRealPath());
    }

    @Test
    void aSymlinkThatStaysInsideIsRead() throws IOException {
      Path directory = goldenSet();
      Files.createSymbolicLink(directory.resolve("alias.csv"), directory.resolve("examples.csv"));

      assertThat(DeclaredPaths.resolveConfined(manifest, "alias.csv", "examples file")).isEqualTo(directory.resolve("alias.csv"));
    }
  }
}
