package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenSetLoaderTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  private List<String> members(GoldenSet goldenSet, String slice) {
    var predicate = goldenSet.slice(slice).orElseThrow().predicate();
    return goldenSet.examples().stream().filter(predicate::contains).map(Example::id).toList();
  }

  @Test
  void slicesByEqualityTagsSetsAndRangesAndTheyMayOverlap() {
    tiny.manifest = tiny.manifest.replace("  - { name: hard, tag: hard }", """
          - { name: hard, tag: hard }
          - { name: both-groups, where: { column: group, in: [a, b] } }
          - { name: low-f0, where: { column: score, range: { min: 0.1, max: 0.8 } } }
        """.stripTrailing()).replace("metadata: [group]", "metadata: [group, score]");
    tiny.examples = """
        id,label,group,score,tags,f0,f1
        e1,cat,a,0.1,,0.1,0.2
        e2,dog,a,0.8,hard,0.9,0.8
        e3,cat,b,0.2,hard;rare,0.2,0.1
        e4,dog,b,0.79,,0.8,0.9
        """;
    tiny.writeTo(directory);

    GoldenSet goldenSet = GoldenSetLoader.load(directory);

    assertThat(goldenSet.sliceNames()).containsExactly("all", "group-a", "hard", "both-groups", "low-f0");
    assertThat(members(goldenSet, "all")).containsExactly("e1", "e2", "e3", "e4");
    assertThat(members(goldenSet, "group-a")).containsExactly("e1", "e2");
    assertThat(members(goldenSet, "hard")).containsExactly("e2", "e3");
    assertThat(members(goldenSet, "both-groups")).hasSize(4);
    assertThat(members(goldenSet, "low-f0")).as("min inclusive, max exclusive").containsExactly("e1", "e3", "e4");
  }

  @Test
  void identifiesTheGoldenSetByItsContent() {
    tiny.writeTo(directory.resolve("one"));
    tiny.writeTo(directory.resolve("two"));
    String first = GoldenSetLoader.load(directory.resolve("one")).sha256();
    assertThat(GoldenSetLoader.load(directory.resolve("two")).sha256()).isEqualTo(first);

    tiny.examples = tiny.examples.replace("0.8,0.9", "0.8,0.91");
    tiny.writeTo(directory.resolve("two"));

    assertThat(GoldenSetLoader.load(directory.resolve("two")).sha256()).isNotEqualTo(first);
  }

  @Test
  void aRegressionTaskNeedsNumericTargetsAndATolerance() {
    tiny.manifest = tiny.manifest.replace("classes: [cat, dog]", "task: regression\ntolerance: 0.5");
    tiny.writeTo(directory);

    assertThatThrownBy(() -> GoldenSetLoader.load(directory))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("examples.csv, line 2, example e1")
        .hasMessageContaining("non-numeric regression target").hasMessageContaining("'cat'");

    tiny.examples = tiny.examples.replace(",cat,", ",1.5,").replace(",dog,", ",2.5,");
    tiny.writeTo(directory);
    GoldenSet goldenSet = GoldenSetLoader.load(directory);
    assertThat(goldenSet.task()).isEqualTo(new Task.Regression(0.5));
    assertThat(goldenSet.classes()).isEmpty();
  }

  @Test
  void refusesARangeSliceOverANonNumericColumn() {
    tiny.manifest = tiny.manifest.replace("where: { column: group, equals: a }", "where: { column: group, range: { min: 1 } }");
    tiny.writeTo(directory);

    assertThatThrownBy(() -> GoldenSetLoader.load(directory))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("examples.csv, line 2, example e1")
        .hasMessageContaining("non-numeric value in a range slice's column");
  }

  @Test
  void refusesASliceOverAColumnThatIsNotDeclared() {
    tiny.manifest = tiny.manifest.replace("where: { column: group, equals: a }", "where: { column: colour, equals: a }");
    tiny.writeTo(directory);

    assertThatThrownBy(() -> GoldenSetLoader.load(directory))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("slice names an unknown column").hasMessageContaining("'colour'");
  }

  @Test
  void refusesAnInputShapeThatDoesNotHoldTheInputColumns() {
    tiny.manifest = tiny.manifest.replace("shape: [2]", "shape: [3]");
    tiny.writeTo(directory);

    assertThatThrownBy(() -> GoldenSetLoader.load(directory))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("input shape does not match the input columns");
  }
}
