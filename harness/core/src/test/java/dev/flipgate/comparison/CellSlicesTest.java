package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slice compared from its cells alone (what an engine that never holds the examples reduces)
 * is the slice the example-by-example comparison gives: flip counts, both models' metrics, and
 * every interval, p-value and power figure, for every slice of a generated four-class golden set
 * with a positive class.
 */
class CellSlicesTest {
  private static final List<String> CLASSES = List.of("a", "b", "c", "d");
  private static final EvidenceSettings SETTINGS = new EvidenceSettings(0.9, 300, 42L);

  @TempDir Path directory;

  @Test
  void everySliceFromItsCellsIsTheSliceComparedExampleByExample() throws IOException {
    assertSlicesFromCellsMatch(CLASSES, null);
  }

  @Test
  void soDoesABinarySlicesWithItsPositiveClass() throws IOException {
    assertSlicesFromCellsMatch(List.of("benign", "malignant"), "malignant");
  }

  private void assertSlicesFromCellsMatch(List<String> classes, String positive) throws IOException {
    int k = classes.size();
    var random = new Random(11);
    var csv = new StringBuilder("id,label,group\n");
    Map<String, Prediction> deployed = new LinkedHashMap<>();
    Map<String, Prediction> candidate = new LinkedHashMap<>();
    for (int i = 0; i < 3_000; i++) {
      String id = "x" + i;
      String label = classes.get(random.nextInt(k));
      csv.append(id).append(',').append(label).append(',').append(random.nextInt(3)).append('\n');
      String before = random.nextDouble() < 0.8 ? label : classes.get(random.nextInt(k));
      deployed.put(id, Prediction.of(before));
      candidate.put(id, Prediction.of(random.nextDouble() < 0.9 ? before : classes.get(random.nextInt(k))));
    }
    Files.writeString(directory.resolve("examples.csv"), csv);
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: cells
        version: "1"
        classes: [%s]
        %s
        examples: { file: examples.csv, metadata: [group] }
        slices:
          - { name: group-0, where: { column: group, equals: "0" } }
          - { name: group-1-or-2, where: { column: group, in: ["1", "2"] } }
        """.formatted(String.join(", ", classes), positive == null ? "" : "positiveClass: " + positive));
    GoldenSet goldenSet = GoldenSetLoader.load(directory);
    Comparison local = ComparisonCalculator.compare(goldenSet, deployed, candidate, SETTINGS);

    assertThat(local.slices()).hasSize(3);
    assertThat(goldenSet.positiveClass()).isEqualTo(java.util.Optional.ofNullable(positive));
    for (int s = 0; s < local.slices().size(); s++) {
      SliceComparison expected = local.slices().get(s);
      SliceComparison fromCells = CellSlices.compare(goldenSet.slices().get(s), classes, goldenSet.positiveClass(),
          expected.cells().orElseThrow().dense(), expected.negativeFlipIds(), SETTINGS);
      assertThat(fromCells).as(expected.name()).usingRecursiveComparison().isEqualTo(expected);
    }
  }

  @Test
  void cellsThatDoNotFitTheClassesAreRefused() throws IOException {
    Files.writeString(directory.resolve("examples.csv"), "id,label\nx1,a\n");
    Files.writeString(directory.resolve("manifest.yaml"), """
        name: cells
        version: "1"
        classes: [a, b, c, d]
        examples: { file: examples.csv }
        """);
    var all = GoldenSetLoader.load(directory).slices().get(0);

    assertThatThrownBy(() -> CellSlices.compare(all, CLASSES, java.util.Optional.empty(), new long[27], List.of(), SETTINGS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27 cells for 4 classes");
  }
}
