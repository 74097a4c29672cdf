package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bootstrap's statistic — both models' answer metrics from one pass over the weighted cells —
 * gives the change {@link AnswerMetrics#compute} gives model by model, to the bit: the intervals
 * must not move when the statistic is computed faster.
 */
class AnswerDeltasProperties {
  private static final SliceMetric[] ANSWER_METRICS = Arrays.stream(SliceMetric.values())
      .filter(m -> m.source() == SliceMetric.Source.ANSWERS).toArray(SliceMetric[]::new);

  record Cells(int classes, int positive, int[] label, int[] deployed, int[] candidate, double[] weight) {}

  @Property(tries = 500)
  void theFusedStatisticEqualsTheDifferenceOfEachModelsMetrics(@ForAll("cells") Cells cells) {
    List<String> names = IntStream.range(0, cells.classes()).mapToObj(c -> "c" + c).toList();
    var metrics = new AnswerMetrics(names, cells.positive());

    double[] fused = metrics.deltas(cells.label(), cells.deployed(), cells.candidate(), cells.weight(), ANSWER_METRICS);

    Map<SliceMetric, Double> before = metrics.compute(cells.label(), cells.deployed(), cells.weight(), false).values();
    Map<SliceMetric, Double> after = metrics.compute(cells.label(), cells.candidate(), cells.weight(), false).values();
    for (int m = 0; m < ANSWER_METRICS.length; m++) {
      Double b = before.get(ANSWER_METRICS[m]);
      Double a = after.get(ANSWER_METRICS[m]);
      double expected = b == null || a == null ? Double.NaN : a - b;
      assertThat(Double.doubleToLongBits(fused[m])).as(ANSWER_METRICS[m].id())
          .isEqualTo(Double.doubleToLongBits(expected));
    }
  }

  @Provide
  Arbitrary<Cells> cells() {
    return Arbitraries.integers().between(2, 6).flatMap(k -> Arbitraries.integers().between(0, 40).flatMap(n -> {
      Arbitrary<int[]> codes = Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n);
      // Poisson weights are whole numbers, zero included; fractions check the sums' order too.
      Arbitrary<double[]> weights = Arbitraries.oneOf(
          Arbitraries.integers().between(0, 5).map(Integer::doubleValue),
          Arbitraries.doubles().between(0, 3)).array(double[].class).ofSize(n);
      Arbitrary<Integer> positive = k == 2 ? Arbitraries.of(-1, 0, 1) : Arbitraries.just(-1);
      return Combinators.combine(positive, codes, codes, codes, weights)
          .as((p, label, deployed, candidate, weight) -> new Cells(k, p, label, deployed, candidate, weight));
    }));
  }
}
