package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The id index numbers ids as a map from id to first position would, for ids of any text (packed
 * Latin-1 or not), any repeats and any number: a HashMap is the reference.
 */
class ExampleIndexProperties {

  @Property(tries = 300)
  void numbersEachDistinctIdByItsFirstPosition(@ForAll("ids") List<String> ids, @ForAll("probes") List<String> probes) {
    Map<String, Integer> reference = new LinkedHashMap<>();
    ids.forEach(id -> reference.putIfAbsent(id, reference.size()));

    ExampleIndex index = ExampleIndex.of(ids);

    assertThat(index.size()).isEqualTo(reference.size());
    assertThat(new ArrayList<>(index)).containsExactlyElementsOf(reference.keySet());
    reference.forEach((id, row) -> {
      assertThat(index.rowOf(id)).isEqualTo(row);
      assertThat(index.id(row)).isEqualTo(id);
      assertThat(index.rowOf(id, row)).isEqualTo(row);
      assertThat(index.rowOf(id, (row + 1) % Math.max(1, reference.size()))).isEqualTo(row);
    });
    for (String probe : probes) {
      assertThat(index.rowOf(probe)).isEqualTo(reference.getOrDefault(probe, -1));
      assertThat(index.contains(probe)).isEqualTo(reference.containsKey(probe));
    }
  }

  @Property(tries = 300)
  void asciiIdsGivenAsBytesAreNumberedAsTheSameStrings(@ForAll("ids") List<String> ids) {
    Map<String, Integer> firstRow = new LinkedHashMap<>();
    ExampleIndex.Builder builder = new ExampleIndex.Builder();

    for (String id : ids) {
      boolean ascii = id.chars().allMatch(c -> c < 0x80);
      byte[] text = ("<" + id + ">").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int earlier = ascii ? builder.add(text, 1, text.length - 1) : builder.add(id);
      assertThat(earlier).isEqualTo(firstRow.getOrDefault(id, -1));
      firstRow.putIfAbsent(id, firstRow.size());
    }
    ExampleIndex index = builder.build();
    firstRow.forEach((id, row) -> {
      assertThat(index.rowOf(id)).isEqualTo(row);
      assertThat(index.id(row)).isEqualTo(id);
      byte[] text = id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(index.matches(row, text, 0, text.length)).isEqualTo(id.chars().allMatch(c -> c < 0x100));
      assertThat(index.matches(row, text, 0, Math.max(0, text.length - 1))).isEqualTo(id.isEmpty());
    });
  }

  @Property(tries = 300)
  void theBuilderReportsTheEarlierRowOfARepeatedId(@ForAll("ids") List<String> ids) {
    Map<String, Integer> firstRow = new LinkedHashMap<>();
    ExampleIndex.Builder builder = new ExampleIndex.Builder();

    for (String id : ids) {
      int earlier = builder.add(id);
      assertThat(earlier).isEqualTo(firstRow.getOrDefault(id, -1));
      firstRow.putIfAbsent(id, firstRow.size());
    }
  }

  /** Up to a few thousand ids (the table grows several times) of ASCII, Latin-1 and other text, with repeats. */
  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> ascii = Arbitraries.strings().withChars("e0123456789-_").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> latin1 = Arbitraries.strings().withChars("aéß ").ofMinLength(0).ofMaxLength(4);
    Arbitrary<String> other = Arbitraries.strings().withChars("a€猫").ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> id = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, ascii), net.jqwik.api.Tuple.of(3, latin1), net.jqwik.api.Tuple.of(1, other));
    return id.list().ofMaxSize(3000);
  }

  @Provide
  Arbitrary<List<String>> probes() {
    return Arbitraries.strings().withChars("e012é€").ofMaxLength(4).list().ofMaxSize(50);
  }
}
