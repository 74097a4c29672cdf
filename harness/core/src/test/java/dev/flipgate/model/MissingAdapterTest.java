package dev.flipgate.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.testing.RepositoryPaths;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * flipgate-core alone serves no onnx models (this module's tests run without flipgate-onnx, as a
 * model repository that depends on core and junit only does): a suite of ONNX models is refused
 * before anything runs, naming the type and the artifact that serves it, never gated some other way.
 */
class MissingAdapterTest {
  @Test
  void anOnnxSuiteWithoutFlipgateOnnxNamesTheArtifactToAdd() {
    var runner = new GateRunner(Clock.systemUTC(), ProgressListener.SILENT);

    assertThatThrownBy(() -> runner.run(RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml"),
            Optional.empty(), "missing-adapter"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("model 'logistic-regression'")
        .hasMessageContaining("an adapter for model type 'onnx' on the class path")
        .hasMessageContaining("none: dev.flipgate:flipgate-onnx is not on it")
        .hasMessageContaining("add dev.flipgate:flipgate-onnx to the class path");
  }
}
