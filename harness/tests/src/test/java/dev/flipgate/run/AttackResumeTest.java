package dev.flipgate.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.attack.PixelAttack;
import dev.flipgate.cache.PredictionCache;
import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapters;
import dev.flipgate.model.ModelContext;
import dev.flipgate.perturbation.Inputs;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attack's queries go through the prediction cache: the search is deterministic for its seed,
 * so a run killed during its attacks replays them from the cache, asking the model nothing it
 * already answered. On the real MNIST cnn, in-process.
 */
class AttackResumeTest {
  @TempDir Path cacheDirectory;

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheWithTheSameOutcome() {
    Suite suite = SuiteReader.read(RepositoryPaths.mnistSuite());
    GoldenSet goldenSet = suite.loadGoldenSet();
    var attack = new PixelAttack(1, 20, 200);
    var inputs = new Inputs(goldenSet.inputLayout(), goldenSet.inputColumns());
    float[] source = goldenSet.table().input(217).toArray();
    String label = goldenSet.table().labels().value(217);
    try (ModelAdapter cnn = ModelAdapters.open(suite.candidates().get("cnn"), RunInputs.of(suite, goldenSet).context())) {
      AttackComparison.Outcome first;
      CachedOracle firstRun;
      try (PredictionCache cache = PredictionCache.open(cacheDirectory, cnn.answerKey(), goldenSet.classes())) {
        firstRun = new CachedOracle(cnn, java.util.Optional.of(cache), goldenSet.inputLayout().shape());
        first = attack.attack(source, label, firstRun, inputs, new double[] {0, 255}, new SplittableRandom(7));
      }
      try (PredictionCache reopened = PredictionCache.open(cacheDirectory, cnn.answerKey(), goldenSet.classes())) {
        var resumed = new CachedOracle(cnn, java.util.Optional.of(reopened), goldenSet.inputLayout().shape());
        var again = attack.attack(source, label, resumed, inputs, new double[] {0, 255}, new SplittableRandom(7));

        assertThat(again).isEqualTo(first);
        // A search may try an input twice (a child that rounds to a pixel tried before): the cache answers the second.
        assertThat(firstRun.asked() + firstRun.fromCache()).isEqualTo(first.queries());
        assertThat(firstRun.asked()).isPositive();
        assertThat(resumed.asked()).as("queries the model answered again").isZero();
        assertThat(resumed.fromCache()).isEqualTo(first.queries());
      }
    }
  }
}
