package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.Prediction;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonCalculatorTest {
  @TempDir Path directory;
  private GoldenSet goldenSet;
  private final Map<String, Prediction> deployed = new HashMap<>();
  private final Map<String, Prediction> candidate = new HashMap<>();

  @BeforeEach
  void givenTheTinyGoldenSetAnsweredRightByBothModels() {
    var tiny = new TinyGoldenSet();
    tiny.adversarial = """
        id,source,perturbation,expectation,f0,f1
        e1~nudge,e1,nudge,true-label,0.15,0.2
        e3~nudge,e3,nudge,invariant,0.25,0.1
        """;
    tiny.writeTo(directory);
    goldenSet = GoldenSetLoader.load(directory);
    Map.of("e1", "cat", "e2", "dog", "e3", "cat", "e4", "dog", "e1~nudge", "cat", "e3~nudge", "cat").forEach((id, label) -> {
      deployed.put(id, Prediction.of(label));
      candidate.put(id, Prediction.of(label));
    });
  }

  @Test
  void countsFlipsPerSliceWithAllFirst() {
    candidate.put("e2", Prediction.of("cat"));  // negative flip, in group-a and hard
    deployed.put("e4", Prediction.of("cat"));   // positive flip, in neither

    Comparison comparison = ComparisonCalculator.compare(goldenSet, deployed, candidate, new dev.flipgate.comparison.EvidenceSettings(0.95, 200, 1));

    assertThat(comparison.slices()).extracting(SliceComparison::name).containsExactly("all", "group-a", "hard");
    assertThat(comparison.slice("all").orElseThrow().counts()).isEqualTo(new FlipCounts(2, 1, 1, 0));
    assertThat(comparison.slice("group-a").orElseThrow().counts()).isEqualTo(new FlipCounts(1, 1, 0, 0));
    assertThat(comparison.slice("hard").orElseThrow().negativeFlipIds()).containsExactly("e2");
    assertThat(comparison.flips()).extracting(ExampleOutcome::id, ExampleOutcome::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("e2", FlipKind.NEGATIVE),
            org.assertj.core.groups.Tuple.tuple("e4", FlipKind.POSITIVE));
  }

  @Test
  void anInvariantExpectationComparesWithTheModelsOwnAnswerOnTheSource() {
    deployed.put("e3", Prediction.of("dog"));       // deployed is wrong on the source …
    deployed.put("e3~nudge", Prediction.of("dog")); // … and stays with its answer: invariant holds
    candidate.put("e3~nudge", Prediction.of("dog")); // the candidate changes its answer: invariant broken

    Comparison comparison = ComparisonCalculator.compare(goldenSet, deployed, candidate, new dev.flipgate.comparison.EvidenceSettings(0.95, 200, 1));

    PerturbationComparison nudge = comparison.perturbation("nudge").orElseThrow();
    assertThat(nudge.n()).isEqualTo(2);
    assertThat(nudge.deployedRobustness()).isEqualTo(1.0);
    assertThat(nudge.candidateRobustness()).isEqualTo(0.5);
    assertThat(nudge.candidateOnlyFailures()).containsExactly("e3~nudge");
  }

  @Test
  void failsClosedWhenAPredictionIsMissing() {
    candidate.remove("e3");

    assertThatThrownBy(() -> ComparisonCalculator.compare(goldenSet, deployed, candidate, new dev.flipgate.comparison.EvidenceSettings(0.95, 200, 1)))
        .isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("example e3")
        .hasMessageContaining("candidate");
  }
}
