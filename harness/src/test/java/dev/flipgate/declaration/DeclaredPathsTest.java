package dev.flipgate.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclaredPathsTest {
  private final Path suite = Path.of("/repo/golden-sets/mnist/suite.yaml");

  @Test
  void resolvesAgainstTheDeclaringFilesDirectory() {
    assertThat(DeclaredPaths.resolve(suite, "models/./mnist-8.onnx", "model file"))
        .isEqualTo(Path.of("/repo/golden-sets/mnist/models/mnist-8.onnx"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../other/model.onnx", "models/../../x.onnx", "/etc/passwd"})
  void refusesPathsThatLeaveIt(String declared) {
    assertThatThrownBy(() -> DeclaredPaths.resolve(suite, declared, "model file"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("leaves the declaring directory")
        .hasMessageContaining("'" + declared + "'");
  }
}
