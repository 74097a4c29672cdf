package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@link CsvRecords} reads what Commons CSV reads with {@link StrictCsv#HEADED}: the same header,
 * the same records with the same values, each on the same physical line as {@link PhysicalLines}
 * (the locator the Commons CSV readers used) puts it, and the same failures — on any text built
 * from the characters that matter to the dialect, read through buffers of any size.
 */
class CsvRecordsProperties {

  /** What a reader made of a text: the header, the records read, and how it failed if it did. */
  record Reading(List<String> header, List<Row> rows, String failure) {}

  record Row(long line, List<String> values) {}

  @Property(tries = 3000)
  void readsWhatCommonsCsvReads(@ForAll("csvTexts") String text, @ForAll @IntRange(min = 1, max = 9) int bufferSize) {
    assertThat(ours(text, bufferSize)).isEqualTo(commons(text));
  }

  /**
   * A lone carriage return (classic Mac OS) ends a record for both, but is no line feed: after
   * one, PhysicalLines could name the line before the record's, so only values are compared.
   */
  @Property(tries = 1000)
  void readsLoneCarriageReturnsAsCommonsCsvDoes(@ForAll("textsWithLoneCarriageReturns") String text,
      @ForAll @IntRange(min = 1, max = 9) int bufferSize) {
    assertThat(withoutLines(ours(text, bufferSize))).isEqualTo(withoutLines(commons(text)));
  }

  @Property(tries = 300)
  void readsWellFormedTablesWhole(@ForAll("wellFormedTables") String text, @ForAll @IntRange(min = 1, max = 64) int bufferSize) {
    Reading reading = ours(text, bufferSize);

    assertThat(reading.failure()).isNull();
    assertThat(reading).isEqualTo(commons(text));
  }

  @Provide
  Arbitrary<String> csvTexts() {
    return Arbitraries.of("a", "bc", " ", "\t", ",", "\"", "\"\"", "\n", "\r\n", "é", "\u2003", "x y", "1.5")
        .list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> textsWithLoneCarriageReturns() {
    return Arbitraries.of("a", ",", "\"", " ", "\n", "\r\n", "\r", "\r\r")
        .list().ofMaxSize(30).map(parts -> String.join("", parts));
  }

  private static Reading withoutLines(Reading reading) {
    return new Reading(reading.header(), reading.rows().stream().map(r -> new Row(0, r.values())).toList(), reading.failure());
  }

  /** Headers of distinct names, rows of as many fields, some quoted with commas, quotes and line breaks inside. */
  @Provide
  Arbitrary<String> wellFormedTables() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz019 .-é").ofMinLength(0).ofMaxLength(12)
        .map(String::strip);
    Arbitrary<String> quoted = Arbitraries.strings().withChars("ab,\"\n\r ").ofMaxLength(10)
        .map(s -> "\"" + s.replace("\"", "\"\"") + "\"");
    Arbitrary<String> field = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(1, quoted));
    return Arbitraries.integers().between(1, 5).flatMap(columns ->
        field.list().ofSize(columns).map(fields -> String.join(",", fields)).list().ofMaxSize(20)
            .map(rows -> header(columns) + String.join("\n", rows) + "\n"));
  }

  private static String header(int columns) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      names.add("c" + i);
    }
    return String.join(",", names) + "\n";
  }

  private static Reading ours(String text, int bufferSize) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    try (CsvRecords records = new CsvRecords(new StringReader(text), bufferSize)) {
      header = records.header();
      while (records.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          values.add(records.get(i));
        }
        rows.add(new Row(records.position(), values));
      }
      return new Reading(header, rows, null);
    } catch (IllegalArgumentException e) {
      return new Reading(header, rows, "header");
    } catch (IOException | UncheckedIOException e) {
      return new Reading(header, rows, "malformed");
    }
  }

  private static Reading commons(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    PhysicalLines lines = new PhysicalLines(new StringReader(text));
    try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(StrictCsv.HEADED).get()) {
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        rows.add(new Row(lines.startOf(record), List.of(record.values())));
      }
      return new Reading(header, rows, null);
    } catch (IllegalArgumentException e) {
      return new Reading(header, rows, "header");
    } catch (IOException | UncheckedIOException e) {
      return new Reading(header, rows, "malformed");
    }
  }
}
