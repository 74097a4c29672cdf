package dev.flipgate.model.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dev.flipgate.testing.TemporaryDataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The byte-level predictions reader is a shortcut, never a second opinion: on any file it either
 * declines, taking no answer, or takes exactly the answers the general reader takes. A file the
 * general reader refuses is always declined, so its fault is reported by the general reader.
 */
class InOrderPredictionsCsvProperties {
  private static final List<String> CLASSES = List.of("cat", "dog", "owl");
  private static final int EXAMPLES = 12;
  private static final ExampleIndex IDS = ExampleIndex.of(IntStream.range(0, EXAMPLES).mapToObj(i -> "e" + i).toList());

  @Property(tries = 400)
  void declinesOrTakesTheGeneralReadersAnswers(@ForAll("files") String content, @ForAll boolean gzip,
      @ForAll("buffers") int buffer) throws IOException {
    Path file = TemporaryDataFiles.csv(content, gzip);
    var plain = rows(file);
    boolean taken = InOrderPredictionsCsv.read(file, plain, buffer);
    Object general = general(file);
    Statistics.label("taken by the plain reader").collect(taken).coverage(c -> {
      c.check(true).percentage(p -> p > 15);
      c.check(false).percentage(p -> p > 15);
    });

    if (buffer > content.lines().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).max().orElse(0)) {
      assertThat(taken).as("whether the file is taken does not depend on how it is buffered")
          .isEqualTo(InOrderPredictionsCsv.read(file, rows(file)));
    }
    if (taken) {
      assertThat(general).isInstanceOf(List.class);
      assertThat(plain.answers()).isEqualTo(general);
      assertThat(IntStream.range(0, EXAMPLES).allMatch(plain::answered)).isTrue();
    } else {
      assertThat(IntStream.range(0, EXAMPLES).noneMatch(plain::answered)).as("a declined file leaves no answer").isTrue();
    }
  }

  @Example
  void takesTheCommonFileAndLeavesAnyOtherOrderToTheGeneralReader() throws IOException {
    var inOrder = new StringBuilder("id,prediction\n");
    var reversed = new StringBuilder("id,prediction\n");
    for (int i = 0; i < EXAMPLES; i++) {
      inOrder.append('e').append(i).append(',').append(CLASSES.get(i % 3)).append('\n');
      reversed.append('e').append(EXAMPLES - 1 - i).append(',').append(CLASSES.get((EXAMPLES - 1 - i) % 3)).append('\n');
    }
    var rows = rows(TemporaryDataFiles.csv(inOrder.toString(), true));

    assertThat(InOrderPredictionsCsv.read(TemporaryDataFiles.csv(inOrder.toString(), true), rows)).isTrue();
    assertThat(InOrderPredictionsCsv.read(TemporaryDataFiles.csv(reversed.toString(), false), rows(TemporaryDataFiles.csv(reversed.toString(), false)))).isFalse();
    assertThat(rows.answers()).isEqualTo(general(TemporaryDataFiles.csv(reversed.toString(), false)));
    assertThat(rows.answers()).extracting(Prediction::label).startsWith("cat", "dog", "owl");
  }

  /** The whole file at once, or a few lines at a time (refilled many times). */
  @Provide
  Arbitrary<Integer> buffers() {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1 << 20)), Tuple.of(1, Arbitraries.integers().between(16, 64)));
  }

  @Example
  void aSmallBufferIsRefilledAndALineLongerThanItIsDeclined() throws IOException {
    String content = "id,prediction\n" + IntStream.range(0, EXAMPLES).mapToObj(i -> "e" + i + ",cat\n")
        .reduce("", String::concat);
    Path file = TemporaryDataFiles.csv(content, false);
    var rows = rows(file);

    assertThat(InOrderPredictionsCsv.read(file, rows, 16)).isTrue();
    assertThat(rows.answers()).isEqualTo(general(file));
    assertThat(InOrderPredictionsCsv.read(file, rows(file), 15)).as("'id,prediction' and 'e10,cat' with a line feed each").isTrue();
    assertThat(InOrderPredictionsCsv.read(file, rows(file), 7)).as("a buffer shorter than the header line").isFalse();
  }

  private static PredictionRows rows(Path file) {
    return new PredictionRows(file, CLASSES, false, IDS);
  }

  /** The general reader's answers (the whole file read and checked as the adapter does), or its error message. */
  private static Object general(Path file) {
    var rows = rows(file);
    try {
      PredictionsTableReader.read(file, rows);
      if (!rows.unknownLines().isEmpty() || IntStream.range(0, EXAMPLES).anyMatch(row -> !rows.answered(row))) {
        return "not every example answered exactly once";
      }
      return rows.answers();
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    }
  }

  /**
   * Predictions for every example in order, now and then with what a plain reader must not take:
   * a swapped pair, a missing or repeated row, an unknown id, a quote, a space, a carriage return,
   * a blank line, a label that is no class, a non-ASCII byte, a score column.
   */
  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> oddity = Arbitraries.of("none", "swap", "drop", "repeat", "unknown", "quote", "space", "cr", "blank",
        "cow", "umlaut", "scores", "no-final-newline");
    return Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("none")), Tuple.of(1, oddity)),
            Arbitraries.integers().between(0, EXAMPLES - 2),
            Arbitraries.integers().between(0, 2).list().ofSize(EXAMPLES))
        .as((odd, at, answers) -> {
          List<String> lines = new ArrayList<>();
          for (int i = 0; i < EXAMPLES; i++) {
            lines.add("e" + i + "," + CLASSES.get(answers.get(i)));
          }
          switch (odd) {
            case "swap" -> lines.set(at, lines.set(at + 1, lines.get(at)));
            case "drop" -> lines.remove(at);
            case "repeat" -> lines.add(at, lines.get(at));
            case "unknown" -> lines.set(at, "x" + at + ",cat");
            case "quote" -> lines.set(at, "\"e" + at + "\"," + CLASSES.get(answers.get(at)));
            case "space" -> lines.set(at, "e" + at + ", " + CLASSES.get(answers.get(at)));
            case "cr" -> lines.set(at, lines.get(at) + "\r");
            case "blank" -> lines.add(at, "");
            case "cow" -> lines.set(at, "e" + at + ",cow");
            case "umlaut" -> lines.set(at, "e" + at + ",dög");
            default -> { }
          }
          String header = odd.equals("scores") ? "id,prediction,score_cat" : "id,prediction";
          return header + "\n" + String.join("\n", lines) + (odd.equals("no-final-newline") ? "" : "\n");
        });
  }
}
