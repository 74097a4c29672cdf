package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import dev.flipgate.testing.TemporaryDataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte-level examples reader is a shortcut, never a second opinion: on any file it either
 * declines, or makes exactly the table the general reader makes (ids and their rows, labels,
 * metadata, tags, lines). A file the general reader refuses is always declined, so its fault is
 * reported by the general reader's located message.
 */
class AsciiExamplesCsvProperties {
  private static final List<String> CLASSES = List.of("cat", "dog", "owl");
  private static final List<String> METADATA = List.of("region", "age");
  private static final AsciiExamplesCsv.Columns COLUMNS = new AsciiExamplesCsv.Columns("id", "label", METADATA, "tags");

  @Property(tries = 400)
  void declinesOrMakesTheGeneralReadersTable(@ForAll("files") String content, @ForAll boolean gzip,
      @ForAll("buffers") int buffer) {
    Path file = TemporaryDataFiles.csv(content, gzip);

    Optional<ExampleTable> plain = AsciiExamplesCsv.read(file, COLUMNS, Set.copyOf(CLASSES), noInput(), buffer);
    Object general = general(file);
    // Both outcomes must be common, or the property would check little.
    net.jqwik.api.statistics.Statistics.label("taken by the plain reader").collect(plain.isPresent())
        .coverage(c -> {
          c.check(true).percentage(p -> p > 15);
          c.check(false).percentage(p -> p > 15);
        });

    if (buffer > longestLine(content)) {
      assertThat(plain.isPresent()).as("whether the file is taken does not depend on how it is buffered")
          .isEqualTo(AsciiExamplesCsv.read(file, COLUMNS, Set.copyOf(CLASSES), noInput()).isPresent());
    }
    if (plain.isPresent()) {
      assertThat(general).isInstanceOf(ExampleTable.class);
      assertSameTable(plain.get(), (ExampleTable) general);
    }
    Object either = readAnyWay(file);
    if (general instanceof ExampleTable table) {
      assertSameTable((ExampleTable) either, table);
    } else {
      assertThat(either).isEqualTo(general); // the same message
    }
  }

  @Example
  void takesAPlainFileAndKeepsItsLines() {
    Path file = TemporaryDataFiles.csv("id,label,region,age,tags\ne1,cat,north,31,hard\ne2,dog,south east,52,\ne3,owl,north,31,hard;new", true);

    ExampleTable table = AsciiExamplesCsv.read(file, COLUMNS, Set.copyOf(CLASSES), noInput()).orElseThrow();

    assertSameTable(table, (ExampleTable) general(file));
    assertThat(table.labels().values()).containsExactly("cat", "dog", "owl");
    assertThat(table.column("region").orElseThrow().value(1)).isEqualTo("south east");
    assertThat(table.line(2)).isEqualTo(4);
    assertThat(table.ids().rowOf("e3")).isEqualTo(2);
  }

  @Example
  void leavesQuotesRepeatsForeignLabelsAndNonAsciiToTheGeneralReader() {
    for (String content : List.of(
        "id,label,region,age,tags\n\"e1\",cat,north,31,\n",
        "id,label,region,age,tags\ne1,cat,north,31,\ne1,dog,north,31,\n",
        "id,label,region,age,tags\ne1,cow,north,31,\n",
        "id,label,region,age,tags\ne1,cat,zürich,31,\n",
        "id,label,region,age,tags\r\ne1,cat,north,31,\r\n",
        "id,label,region,age,tags\ne1,cat, north,31,\n",
        "id,label,region,age,tags\ne1,cat,north ,31,\n",
        "id,label,region,age\ne1,cat,north,31\n",
        "id,label,region,age,tags\ne1,cat,north,31,\n\ne2,dog,north,31,\n")) {
      assertThat(AsciiExamplesCsv.read(TemporaryDataFiles.csv(content, false), COLUMNS, Set.copyOf(CLASSES), noInput())).as(content).isEmpty();
    }
  }

  static int longestLine(String content) {
    return content.lines().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).max().orElse(0);
  }

  /** The whole file at once, or a few lines at a time (refilled many times; a longer line is declined). */
  @Provide
  Arbitrary<Integer> buffers() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(1 << 20)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(40, 200)));
  }

  private static void assertSameTable(ExampleTable actual, ExampleTable expected) {
    assertThat(actual.size()).isEqualTo(expected.size());
    for (int row = 0; row < expected.size(); row++) {
      String id = expected.id(row);
      assertThat(actual.id(row)).isEqualTo(id);
      assertThat(actual.ids().rowOf(id)).isEqualTo(row);
      assertThat(actual.labels().value(row)).isEqualTo(expected.labels().value(row));
      assertThat(actual.labels().code(row)).isEqualTo(expected.labels().code(row));
      for (String column : METADATA) {
        assertThat(actual.column(column).orElseThrow().value(row)).isEqualTo(expected.column(column).orElseThrow().value(row));
      }
      assertThat(actual.tags(row)).isEqualTo(expected.tags(row));
      assertThat(actual.line(row)).isEqualTo(expected.line(row));
    }
    assertThat(actual.labels().values()).isEqualTo(expected.labels().values());
  }

  /** The general reader's table, or its error message. */
  private static Object general(Path file) {
    try {
      return reader().readText(file, true);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** What a golden set gets, whichever reader takes the file: the table, or the error message. */
  private static Object readAnyWay(Path file) {
    try {
      return reader().read(file, true);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private static ExamplesReader reader() {
    return new ExamplesReader(new GoldenSetManifest.ExamplesDeclaration("examples.csv", null, null, METADATA, "tags", null),
        InputColumns.of(null, Path.of("manifest.yaml")), CLASSES, new Task.Classification());
  }

  private static InputTensor noInput() {
    return new InputTensor(new float[0], InputColumns.of(null, Path.of("manifest.yaml")).shape());
  }

  /**
   * Examples files that are mostly plain, with now and then what a plain reader must not take: a
   * quote, a comma inside quotes, a space at a field's end, a carriage return, a blank line, a
   * non-ASCII letter, an empty or repeated id, a label that is no class, a row of the wrong width.
   */
  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> plainValue = Arbitraries.strings().withChars("abcnorthsuew0123456789;-_").ofMinLength(0).ofMaxLength(6);
    Arbitrary<String> oddValue = Arbitraries.of("\"q\"", "\"a,b\"", "x ", " x", "a b", "é", "\r", "", "cow", "e1");
    Arbitrary<String> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(300, plainValue), net.jqwik.api.Tuple.of(1, oddValue));
    Arbitrary<String> label = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(300, Arbitraries.of(CLASSES)), net.jqwik.api.Tuple.of(1, oddValue));
    Arbitrary<String> id = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(300, Arbitraries.integers().between(0, 100_000).map(i -> "e" + i)),
        net.jqwik.api.Tuple.of(1, oddValue));
    Arbitrary<String> row = net.jqwik.api.Combinators.combine(id, label, value, value, value, Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(400, Arbitraries.just("whole")), net.jqwik.api.Tuple.of(1, Arbitraries.of("short", "blank"))))
        .as((i, l, region, age, tags, shape) -> shape.equals("short") ? i + "," + l + "," + region
            : shape.equals("blank") ? "" : i + "," + l + "," + region + "," + age + "," + tags);
    return net.jqwik.api.Combinators.combine(row.list().ofMinSize(0).ofMaxSize(30), Arbitraries.of("\n", ""),
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just("id,label,region,age,tags")),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("id,label,region,age,tags,extra", "label,id,tags,age,region"))))
        .as((rows, end, header) -> {
          List<String> lines = new ArrayList<>();
          lines.add(header);
          for (String r : rows) {
            lines.add(header.endsWith("extra") && !r.isEmpty() ? r + ",x" : r);
          }
          return String.join("\n", lines) + end;
        });
  }
}
