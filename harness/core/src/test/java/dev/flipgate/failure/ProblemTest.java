package dev.flipgate.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void rendersWhereWhatWasExpectedWhatWasFoundAndWhatToDoEachOnItsOwnLine() {
    String message = Problem.at(Path.of("examples.csv")).line(17).example("t10k-00015")
        .expected("789 columns").found("788 columns").whatToDo("fix the row")
        .configurationError("row has the wrong number of columns").getMessage();

    assertThat(message.lines()).containsExactly(
        "examples.csv, line 17, example t10k-00015: row has the wrong number of columns",
        "  expected: 789 columns",
        "  found:    788 columns",
        "  what to do: fix the row");
  }
}
