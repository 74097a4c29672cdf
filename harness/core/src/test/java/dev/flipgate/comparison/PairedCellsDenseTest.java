package dev.flipgate.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A slice's cells laid out densely, as partial counts from several partitions are summed in, and back. */
class PairedCellsDenseTest {
  private static final AnswerMetrics METRICS = new AnswerMetrics(List.of("cat", "dog", "fox"), -1);

  @Test
  void eachTriplesCountSitsAtItsIndexAndEveryOtherCellIsZero() {
    // (label, deployed, candidate): (0,0,0) twice, (2,1,0) once, (1,1,2) once.
    var cells = PairedCells.of(METRICS, 3, List.of(new int[] {0, 0, 0}, new int[] {2, 1, 0}, new int[] {0, 0, 0},
        new int[] {1, 1, 2}));

    long[] expected = new long[27];
    expected[0] = 2;
    expected[(2 * 3 + 1) * 3] = 1;
    expected[(1 * 3 + 1) * 3 + 2] = 1;
    assertThat(cells.dense()).containsExactly(expected);
  }

  @Test
  void denseCountsReadBackAreTheSameCells() {
    long[] dense = new long[27];
    dense[5] = 7;
    dense[13] = 1;
    dense[26] = 40;

    assertThat(PairedCells.ofDense(METRICS, 3, dense).dense()).containsExactly(dense);
    assertThat(PairedCells.ofDense(METRICS, 3, dense).counts()).containsExactly(7, 1, 40);
  }
}
