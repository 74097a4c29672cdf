package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.io.Sha256;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an engine that never holds every example compares on its driver — each slice's cells, the
 * excerpt of rows the rules and reports name (every flip, the critical examples), and with class
 * scores every example's codes and probabilities — is the comparison the local engine makes of
 * the whole golden set: the same slices (metrics, intervals, p-values, power, score metrics and
 * their bootstrap), the same flips and critical outcomes, the same golden-set identity.
 */
class ExcerptComparisonTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");
  private static final EvidenceSettings SETTINGS = new EvidenceSettings(0.95, 200, 7L);

  @TempDir Path directory;

  @Test
  void answersOnlyTheExcerptAndCellsGiveTheLocalComparison() throws IOException {
    assertExcerptGivesTheLocalComparison(false);
  }

  @Test
  void withScoresTheScoredColumnsGiveTheLocalScoreMetricsAndBootstrap() throws IOException {
    assertExcerptGivesTheLocalComparison(true);
  }

  @Test
  void anExcerptWithoutEveryNegativeFlipIsRefused() throws IOException {
    var data = new Generated(false);
    GoldenSet full = data.load();
    Comparison local = ComparisonCalculator.compare(full, data.deployed, data.candidate, SETTINGS);
    String dropped = local.flips().stream().filter(o -> o.kind() == FlipKind.NEGATIVE).findFirst().orElseThrow().id();
    List<String> rows = new ArrayList<>(data.excerptIds(local));
    rows.remove(dropped);

    GoldenSet excerpt = data.excerpt(rows);

    assertThatThrownBy(() -> ExcerptComparison.compare(excerpt, data.answers(excerpt, data.deployed),
        data.answers(excerpt, data.candidate), cells(local), SETTINGS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative flips");
  }

  @Test
  void anExcerptWithoutACriticalExampleFailsAsAnUnknownCriticalExample() throws IOException {
    var data = new Generated(false);

    assertThatThrownBy(() -> data.excerpt(List.of("x5")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown critical example");
  }

  @Test
  void scoredRowsThatAreNotTheRowsTheCellsCountAreRefused() throws IOException {
    var data = new Generated(true);
    GoldenSet full = data.load();
    Comparison local = ComparisonCalculator.compare(full, data.deployed, data.candidate, SETTINGS);
    GoldenSet excerpt = data.excerpt(data.excerptIds(local));
    ScoredExamples scored = data.scored(full);
    var fewerMembers = new java.util.ArrayList<>(scored.members());
    BitSet shrunk = (BitSet) fewerMembers.get(1).clone();
    shrunk.clear(shrunk.nextSetBit(0));
    fewerMembers.set(1, shrunk);
    var oneMissing = new ScoredExamples(scored.label(), scored.deployed(), scored.candidate(), scored.deployedScores(),
        scored.candidateScores(), fewerMembers);
    var sliceMissing = new ScoredExamples(scored.label(), scored.deployed(), scored.candidate(), scored.deployedScores(),
        scored.candidateScores(), scored.members().subList(0, 2));

    for (var wrong : List.of(oneMissing, sliceMissing)) {
      assertThatThrownBy(() -> ExcerptComparison.compare(excerpt, data.answers(excerpt, data.deployed),
          data.answers(excerpt, data.candidate), cells(local), Optional.of(wrong), SETTINGS))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scored rows");
    }
  }

  @Test
  void binnedScoresGiveTheAnswersExactlyAndTheScoreMetricsWithinTheirStatedBounds() throws IOException {
    var data = new Generated(true);
    GoldenSet full = data.load();
    Comparison local = ComparisonCalculator.compare(full, data.deployed, data.candidate, SETTINGS);
    GoldenSet excerpt = data.excerpt(data.excerptIds(local));
    List<Optional<BinnedScores>> deployedBins = data.binned(full, data.deployed);
    List<Optional<BinnedScores>> candidateBins = data.binned(full, data.candidate);

    Comparison binned = ExcerptComparison.compareBinned(excerpt, data.answers(excerpt, data.deployed),
        data.answers(excerpt, data.candidate), cells(local), deployedBins, candidateBins, SETTINGS);

    assertThat(binned.flips()).usingRecursiveComparison().isEqualTo(local.flips());
    for (int s = 0; s < local.slices().size(); s++) {
      SliceComparison exact = local.slices().get(s);
      SliceComparison approximate = binned.slices().get(s);
      assertThat(approximate.counts()).isEqualTo(exact.counts());
      assertThat(approximate.evidence().delta(SliceMetric.ACCURACY)).usingRecursiveComparison()
          .isEqualTo(exact.evidence().delta(SliceMetric.ACCURACY));
      ScoreApproximation approximation = approximate.scoreApproximation().orElseThrow();
      assertThat(approximation.bins()).isEqualTo(SETTINGS.scoreBins());
      for (SliceMetric metric : new SliceMetric[] {SliceMetric.MACRO_ROC_AUC, SliceMetric.MEAN_AVERAGE_PRECISION,
          SliceMetric.LOG_LOSS}) {
        double candidateError = Math.abs(approximate.candidate().value(metric).getAsDouble()
            - exact.candidate().value(metric).getAsDouble());
        double deployedError = Math.abs(approximate.deployed().value(metric).getAsDouble()
            - exact.deployed().value(metric).getAsDouble());
        assertThat(candidateError).as(exact.name() + " candidate " + metric.id())
            .isLessThanOrEqualTo(approximation.candidateErrorBounds().get(metric) + 1e-12);
        assertThat(deployedError).as(exact.name() + " deployed " + metric.id())
            .isLessThanOrEqualTo(approximation.deployedErrorBounds().get(metric) + 1e-12);
      }
      assertThat(approximation.deployedErrorBounds().get(SliceMetric.MACRO_ROC_AUC)).isPositive();
      var aucDelta = approximate.evidence().delta(SliceMetric.MACRO_ROC_AUC);
      assertThat(aucDelta == null || aucDelta.ci().isEmpty()).as("no bootstrap of binned scores").isTrue();
    }
    assertThat(local.slices().get(0).scoreApproximation()).isEmpty();
  }

  @Test
  void binnedScoresOfOtherExamplesOrSlicesAreRefused() throws IOException {
    var data = new Generated(true);
    GoldenSet full = data.load();
    Comparison local = ComparisonCalculator.compare(full, data.deployed, data.candidate, SETTINGS);
    GoldenSet excerpt = data.excerpt(data.excerptIds(local));
    List<Optional<BinnedScores>> bins = data.binned(full, data.deployed);
    var extra = new java.util.ArrayList<>(bins);
    BinnedScores oneMore = new BinnedScores(3, SETTINGS.scoreBins());
    oneMore.add(new double[] {0.5, 0.3, 0.2}, 0, 0, -1);
    extra.set(1, Optional.of(oneMore.plus(bins.get(1).orElseThrow())));

    assertThatThrownBy(() -> ExcerptComparison.compareBinned(excerpt, data.answers(excerpt, data.deployed),
        data.answers(excerpt, data.candidate), cells(local), extra, bins, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the cells count");
    assertThatThrownBy(() -> ExcerptComparison.compareBinned(excerpt, data.answers(excerpt, data.deployed),
        data.answers(excerpt, data.candidate), cells(local), bins.subList(0, 2), bins, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slices");
  }

  @Test
  void scoredColumnsOfAnotherLengthAreRefused() {
    assertThatThrownBy(() -> new ScoredExamples(new int[3], new int[3], new int[2], Optional.empty(), Optional.empty(),
        List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScoredExamples(new int[3], new int[3], new int[3], Optional.of(new double[][] {new double[2]}),
        Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private void assertExcerptGivesTheLocalComparison(boolean scored) throws IOException {
    var data = new Generated(scored);
    GoldenSet full = data.load();
    Comparison local = ComparisonCalculator.compare(full, data.deployed, data.candidate, SETTINGS);
    GoldenSet excerpt = data.excerpt(data.excerptIds(local));

    Comparison fromExcerpt = scored
        ? ExcerptComparison.compare(excerpt, data.answers(excerpt, data.deployed), data.answers(excerpt, data.candidate),
            cells(local), Optional.of(data.scored(full)), SETTINGS)
        : ExcerptComparison.compare(excerpt, data.answers(excerpt, data.deployed), data.answers(excerpt, data.candidate),
            cells(local), SETTINGS);

    assertThat(excerpt.sha256()).isEqualTo(full.sha256());
    assertThat(excerpt.table().size()).isLessThan(full.table().size() / 2);
    assertThat(fromExcerpt.slices()).usingRecursiveComparison().isEqualTo(local.slices());
    assertThat(fromExcerpt.flips()).usingRecursiveComparison().isEqualTo(local.flips());
    assertThat(fromExcerpt.outcomes(fromExcerpt.criticalIds())).usingRecursiveComparison()
        .isEqualTo(local.outcomes(local.criticalIds()));
    if (scored) {
      assertThat(local.slices().get(0).deployed().value(SliceMetric.MACRO_ROC_AUC)).isPresent();
    }
  }

  private static long[][] cells(Comparison local) {
    return local.slices().stream().map(s -> s.cells().orElseThrow().dense()).toArray(long[][]::new);
  }

  /** 3,000 generated examples of three classes in id order, two slices, two critical examples. */
  private final class Generated {
    final Map<String, Prediction> deployed = new LinkedHashMap<>();
    final Map<String, Prediction> candidate = new LinkedHashMap<>();
    final StringBuilder csv = new StringBuilder("id,label,group\n");

    Generated(boolean scored) throws IOException {
      var random = new Random(3);
      for (int i = 0; i < 3_000; i++) {
        String id = String.format("x%04d", i);
        String label = CLASSES.get(random.nextInt(3));
        csv.append(id).append(',').append(label).append(',').append(random.nextInt(3)).append('\n');
        String before = random.nextDouble() < 0.8 ? label : CLASSES.get(random.nextInt(3));
        String after = random.nextDouble() < 0.9 ? before : CLASSES.get(random.nextInt(3));
        deployed.put(id, answer(before, scored, random));
        candidate.put(id, answer(after, scored, random));
      }
      Files.writeString(directory.resolve("examples.csv"), csv);
      Files.writeString(directory.resolve("manifest.yaml"), """
          name: excerpt
          version: "1"
          classes: [a, b, c]
          examples: { file: examples.csv, metadata: [group] }
          slices:
            - { name: group-0, where: { column: group, equals: "0" } }
            - { name: group-1-or-2, where: { column: group, in: ["1", "2"] } }
          critical: { ids: [x0007, x0042] }
          """);
    }

    private Prediction answer(String label, boolean scored, Random random) {
      if (!scored) {
        return Prediction.of(label);
      }
      double[] p = new double[3];
      double top = 0.4 + random.nextInt(50) / 100.0;
      double second = Math.round((1 - top) * random.nextDouble() * 100) / 100.0;
      int at = CLASSES.indexOf(label);
      p[at] = top;
      p[(at + 1) % 3] = second;
      p[(at + 2) % 3] = Math.max(0, Math.round((1 - top - second) * 100) / 100.0); // probabilities are never below 0
      return new Prediction(label, Optional.of(new ClassScores(CLASSES, p)));
    }

    GoldenSet load() {
      return GoldenSetLoader.load(directory);
    }

    /** Every flip and the critical examples, as an engine brings them back. */
    List<String> excerptIds(Comparison local) {
      var ids = new java.util.TreeSet<String>(local.criticalIds());
      local.flips().forEach(o -> ids.add(o.id()));
      return List.copyOf(ids);
    }

    GoldenSet excerpt(List<String> ids) throws IOException {
      var wanted = new java.util.HashSet<>(ids);
      var rows = new StringBuilder("id,label,group\n");
      csv.toString().lines().skip(1).filter(line -> wanted.contains(line.substring(0, line.indexOf(','))))
          .forEach(line -> rows.append(line).append('\n'));
      Path excerptFile = Files.createTempFile(directory, "excerpt-", ".csv");
      Files.writeString(excerptFile, rows);
      return GoldenSetLoader.loadExcerpt(directory, new GoldenSetLoader.Excerpt(excerptFile, "examples.csv",
          Sha256.ofFile(directory.resolve("examples.csv"))));
    }

    List<Prediction> answers(GoldenSet excerpt, Map<String, Prediction> by) {
      return excerpt.table().ids().stream().map(by::get).toList();
    }

    /** Each slice's binned scores of one model, as partitions of a larger golden set would reduce them. */
    List<Optional<BinnedScores>> binned(GoldenSet full, Map<String, Prediction> model) {
      List<Optional<BinnedScores>> slices = new ArrayList<>();
      for (var slice : full.slices()) {
        BinnedScores scores = new BinnedScores(3, SETTINGS.scoreBins());
        BitSet members = slice.predicate().members(full.table());
        for (int row = members.nextSetBit(0); row >= 0; row = members.nextSetBit(row + 1)) {
          Prediction answer = model.get(full.table().id(row));
          scores.add(answer.scores().orElseThrow().toArray(), CLASSES.indexOf(full.table().labels().value(row)),
              CLASSES.indexOf(answer.label()), -1);
        }
        slices.add(Optional.of(scores));
      }
      return slices;
    }

    ScoredExamples scored(GoldenSet full) {
      int n = full.table().size();
      int[] label = new int[n];
      int[] before = new int[n];
      int[] after = new int[n];
      double[][] beforeScores = new double[3][n];
      double[][] afterScores = new double[3][n];
      for (int row = 0; row < n; row++) {
        String id = full.table().id(row);
        label[row] = CLASSES.indexOf(full.table().labels().value(row));
        before[row] = CLASSES.indexOf(deployed.get(id).label());
        after[row] = CLASSES.indexOf(candidate.get(id).label());
        double[] p = deployed.get(id).scores().orElseThrow().toArray();
        double[] q = candidate.get(id).scores().orElseThrow().toArray();
        for (int c = 0; c < 3; c++) {
          beforeScores[c][row] = p[c];
          afterScores[c][row] = q[c];
        }
      }
      List<BitSet> members = full.slices().stream().map(s -> s.predicate().members(full.table())).toList();
      return new ScoredExamples(label, before, after, Optional.of(beforeScores), Optional.of(afterScores), members);
    }
  }
}
