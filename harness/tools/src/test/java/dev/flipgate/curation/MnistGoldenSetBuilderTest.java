package dev.flipgate.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MnistGoldenSetBuilderTest {
  private Path rebuilt;

  @BeforeAll
  void rebuildFromTheRawFiles(@TempDir Path out) throws IOException {
    new MnistGoldenSetBuilder(MnistGoldenSetBuilder.DEFAULT_SEED).build(RepositoryPaths.rawMnist(), out);
    rebuilt = out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yaml", "examples.csv.gz", "adversarial.csv.gz"})
  void rebuildingFromTheRawFilesGivesTheCommittedBytes(String file) throws IOException {
    Path out = rebuilt;
    assertThat(Files.readAllBytes(out.resolve(file)))
        .as("%s rebuilt from %s", file, RepositoryPaths.rawMnist())
        .isEqualTo(Files.readAllBytes(RepositoryPaths.root().resolve("golden-sets/mnist").resolve(file)));
  }

  @Test
  void anotherSeedDrawsOtherAdversarialExamples(@TempDir Path out) throws IOException {
    new MnistGoldenSetBuilder(7).build(RepositoryPaths.rawMnist(), out);

    assertThat(Files.readAllBytes(out.resolve("adversarial.csv.gz")))
        .isNotEqualTo(Files.readAllBytes(RepositoryPaths.root().resolve("golden-sets/mnist/adversarial.csv.gz")));
  }

  @Test
  void perturbationsAreDeterministicForASeed() {
    int[] pixels = new int[784];
    pixels[14 * 28 + 14] = 200;

    assertThat(Perturbations.gaussianNoise(pixels, new java.util.Random(1)))
        .isEqualTo(Perturbations.gaussianNoise(pixels, new java.util.Random(1)));
    assertThat(Perturbations.shift(pixels, new java.util.Random(1))).containsOnlyOnce(200);
    assertThat(Perturbations.singlePixel(pixels, new java.util.Random(1))).isNotEqualTo(pixels);
  }
}
