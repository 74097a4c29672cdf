package dev.flipgate.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Agreement with SciPy and statsmodels (fixture made by tools/reference/statistics_fixtures.py). */
class StatisticsReferenceTest {
  private static final double TOLERANCE = 1e-9;

  static JsonNode fixture() throws IOException {
    return new ObjectMapper().readTree(RepositoryPaths.testResource("reference/statistics.json").toFile());
  }

  static Stream<Arguments> cases(String section) throws IOException {
    List<Arguments> cases = new ArrayList<>();
    fixture().path(section).forEach(c -> cases.add(Arguments.of(c)));
    return cases.stream();
  }

  static Stream<Arguments> mcnemar() throws IOException {
    return cases("mcnemar");
  }

  static Stream<Arguments> clopperPearson() throws IOException {
    return cases("clopperPearson");
  }

  static Stream<Arguments> corrections() throws IOException {
    return cases("corrections");
  }

  @ParameterizedTest(name = "b = {0}")
  @MethodSource("mcnemar")
  void mcnemarAgreesWithScipysOneSidedBinomialTest(JsonNode c) {
    double p = McNemarExactTest.candidateWorsePValue(c.path("negative").asLong(), c.path("positive").asLong());

    assertThat(p).isCloseTo(c.path("pValue").asDouble(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clopperPearson")
  void clopperPearsonAgreesWithStatsmodels(JsonNode c) {
    long k = c.path("successes").asLong();
    long n = c.path("trials").asLong();
    double level = c.path("level").asDouble();

    Interval interval = ClopperPearson.interval(k, n, level);

    assertThat(interval.low()).isCloseTo(c.path("low").asDouble(), within(TOLERANCE));
    assertThat(interval.high()).isCloseTo(c.path("high").asDouble(), within(TOLERANCE));
    assertThat(ClopperPearson.upperBound(k, n, level)).isCloseTo(c.path("oneSidedUpperBound").asDouble(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corrections")
  void correctionsAgreeWithStatsmodelsMultipletests(JsonNode c) {
    double[] p = doubles(c.path("pValues"));

    assertThat(MultipleTestingCorrection.HOLM.adjust(p)).containsExactly(doubles(c.path("holm-bonferroni")), within(TOLERANCE));
    assertThat(MultipleTestingCorrection.BENJAMINI_HOCHBERG.adjust(p))
        .containsExactly(doubles(c.path("benjamini-hochberg")), within(TOLERANCE));
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
