package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.RepositoryPaths;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled MNIST golden set holds the real test set, checked against the raw IDX files. */
class MnistGoldenSetTest {
  private static GoldenSet goldenSet;
  private static byte[] rawPixels;
  private static byte[] rawLabels;

  @BeforeAll
  static void loadTheGoldenSetAndTheRawFiles() throws IOException {
    goldenSet = GoldenSetLoader.load(RepositoryPaths.root().resolve("golden-sets/mnist"));
    rawPixels = readIdx("t10k-images-idx3-ubyte.gz", 16);
    rawLabels = readIdx("t10k-labels-idx1-ubyte.gz", 8);
  }

  private static byte[] readIdx(String file, int headerBytes) throws IOException {
    try (var in = new DataInputStream(new GZIPInputStream(Files.newInputStream(RepositoryPaths.rawMnist().resolve(file))))) {
      in.skipNBytes(headerBytes);
      return in.readAllBytes();
    }
  }

  @Test
  void holdsAllTenThousandTestImagesWithTheirLabelsAndPixels() {
    assertThat(goldenSet.examples()).hasSize(10_000);
    for (int i = 0; i < 10_000; i++) {
      Example example = goldenSet.examples().get(i);
      assertThat(example.id()).isEqualTo(String.format("t10k-%05d", i));
      assertThat(example.label()).isEqualTo(String.valueOf(rawLabels[i]));
      for (int p = 0; p < 784; p++) {
        if (example.input().get(p) != (rawPixels[i * 784 + p] & 0xff)) {
          throw new AssertionError("pixel " + p + " of " + example.id() + " differs from the raw file");
        }
      }
    }
  }

  @Test
  void hasOneSliceForEachDigitMatchingTheRawLabelCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (byte label : rawLabels) {
      counts.merge("digit-" + label, 1, Integer::sum);
    }
    counts.forEach((slice, count) -> {
      var predicate = goldenSet.slice(slice).orElseThrow().predicate();
      assertThat(goldenSet.examples().stream().filter(predicate::contains).count()).as(slice).isEqualTo((long) count);
    });
  }

  @Test
  void curatesStrokeWeightOffCentreAndConfusableSlices() {
    long faint = count("faint-strokes");
    long heavy = count("heavy-strokes");
    long offCentre = count("off-centre");

    assertThat(faint).isBetween(990L, 1010L);
    assertThat(heavy).isBetween(990L, 1010L);
    assertThat(offCentre).isBetween(495L, 515L);
    assertThat(count("confusable")).isPositive();
    assertThat(count("confusable-4-9")).isPositive().isLessThan(count("digits-4-and-9"));
  }

  @Test
  void derivesAdversarialExamplesFromRealTestImagesWithEveryPerturbation() {
    Set<String> ids = new HashSet<>();
    goldenSet.examples().forEach(e -> ids.add(e.id()));
    assertThat(goldenSet.perturbations()).containsOnlyKeys("single-pixel", "shift-2px", "gaussian-noise");
    assertThat(goldenSet.adversarialExamples()).hasSize(1500)
        .allSatisfy(a -> assertThat(ids).contains(a.sourceId()));
    var source = goldenSet.examplesById().get(goldenSet.adversarialExamples().get(0).sourceId());
    var perturbed = goldenSet.adversarialExamples().get(0);
    assertThat(perturbed.label()).isEqualTo(source.label());
    assertThat(perturbed.input()).isNotEqualTo(source.input());
  }

  @Test
  void listsCriticalExamplesForEveryDigit() {
    Map<String, Example> byId = goldenSet.examplesById();
    assertThat(goldenSet.criticalIds()).hasSize(20);
    assertThat(goldenSet.criticalIds().stream().map(id -> byId.get(id).label()).distinct()).hasSize(10);
  }

  private static long count(String slice) {
    var predicate = goldenSet.slice(slice).orElseThrow().predicate();
    return goldenSet.examples().stream().filter(predicate::contains).count();
  }
}
