package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden set loaded with an excerpt of its rows (what an engine that never holds every example
 * reads on its driver) is the same golden set by identity — its hash is of the examples file's
 * bytes as given, not of the excerpt — checked against its lock by that hash, and refused when it
 * declares what such an engine does not gate.
 */
class GoldenSetExcerptTest {
  private static final String EXAMPLES = """
      id,label,group
      e1,cat,a
      e2,dog,a
      e3,cat,b
      e4,dog,b
      """;

  @TempDir Path directory;
  private Path excerpt;

  @BeforeEach
  void goldenSet() throws IOException {
    Files.writeString(directory.resolve("examples.csv"), EXAMPLES);
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: excerpted
        version: "1"
        classes: [cat, dog]
        examples: { file: examples.csv, metadata: [group] }
        slices:
          - { name: group-a, where: { column: group, equals: a } }
        critical: { ids: [e3] }
        """);
    excerpt = Files.createTempFile(directory, "excerpt", ".csv");
    Files.writeString(excerpt, "id,label,group\ne3,cat,b\n");
  }

  @Test
  void theExcerptHoldsOnlyItsRowsAndIsTheWholeGoldenSetByIdentity() {
    GoldenSet whole = GoldenSetLoader.load(directory);

    GoldenSet excerpted = GoldenSetLoader.loadExcerpt(directory, excerptOf(Sha256.ofFile(directory.resolve("examples.csv"))));

    assertThat(excerpted.table().ids()).containsExactly("e3");
    assertThat(excerpted.sha256()).isEqualTo(whole.sha256());
    assertThat(excerpted.slices()).extracting(SliceDefinition::name).containsExactly("all", "group-a");
    assertThat(excerpted.criticalIds()).containsExactly("e3");
  }

  @Test
  void anotherHashIsAnotherGoldenSet() {
    GoldenSet whole = GoldenSetLoader.load(directory);

    GoldenSet other = GoldenSetLoader.loadExcerpt(directory, excerptOf(Sha256.ofBytes(new byte[] {1})));

    assertThat(other.sha256()).isNotEqualTo(whole.sha256());
  }

  @Test
  void aLockedGoldenSetIsCheckedByTheHashGivenForItsExamples() throws IOException {
    String examplesHash = Sha256.ofFile(directory.resolve("examples.csv"));
    Files.writeString(directory.resolve(GoldenSetLock.FILE), """
        version: "1"
        files:
          "examples.csv": "%s"
        """.formatted(examplesHash));

    assertThat(GoldenSetLoader.loadExcerpt(directory, excerptOf(examplesHash)).table().size()).isEqualTo(1);
    assertThatThrownBy(() -> GoldenSetLoader.loadExcerpt(directory, excerptOf(Sha256.ofBytes(new byte[] {2}))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("examples.csv");
  }

  @Test
  void adversarialExamplesAreRefusedWithWhatToDoInstead() throws IOException {
    Files.writeString(directory.resolve("adversarial.csv"), "id,source,perturbation,expectation\n");
    Files.writeString(directory.resolve("manifest.yaml"), Files.readString(directory.resolve("manifest.yaml"))
        + "adversarial: { file: adversarial.csv }\n");

    assertThatThrownBy(() -> GoldenSetLoader.loadExcerpt(directory, excerptOf("00")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("adversarial")
        .hasMessageContaining("local engine");
  }

  @Test
  void anExcerptMayHoldNoRowsButAGoldenSetMayNot() throws IOException {
    Files.writeString(directory.resolve("manifest.yaml"), Files.readString(directory.resolve("manifest.yaml"))
        .replace("critical: { ids: [e3] }\n", ""));
    Files.writeString(excerpt, "id,label,group\n");

    assertThat(GoldenSetLoader.loadExcerpt(directory, excerptOf("00")).table().size()).isZero();
    Files.writeString(directory.resolve("examples.csv"), "id,label,group\n");
    assertThatThrownBy(() -> GoldenSetLoader.load(directory)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the golden set is empty");
  }

  private GoldenSetLoader.Excerpt excerptOf(String examplesSha256) {
    return new GoldenSetLoader.Excerpt(excerpt, "examples.csv", examplesSha256);
  }
}
