package dev.flipgate.goldenset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A dictionary column gives back every row's value whatever width its codes need. */
class DictionaryColumnTest {

  @ParameterizedTest(name = "{0} distinct values")
  @ValueSource(ints = {1, 256, 257, 65_536, 65_537, 70_000})
  void everyRowReadsBackItsValue(int distinct) {
    var builder = new DictionaryColumn.Builder("c");
    // Each value first in order, then every value again from the last: codes beyond a byte or a
    // short must survive the widening that happens part way through.
    List<String> rows = IntStream.concat(IntStream.range(0, distinct), IntStream.range(0, distinct).map(i -> distinct - 1 - i))
        .mapToObj(i -> "v" + i).toList();
    rows.forEach(builder::add);

    DictionaryColumn column = builder.build();

    assertThat(column.rows()).isEqualTo(rows.size());
    assertThat(column.values()).hasSize(distinct);
    for (int row = 0; row < rows.size(); row++) {
      assertThat(column.value(row)).isEqualTo(rows.get(row));
    }
    assertThat(column.code(rows.size() - 1)).isZero();
  }

  @ParameterizedTest(name = "{0} distinct values")
  @ValueSource(ints = {3, 300})
  void equalValuesShareOneInstance(int distinct) {
    var builder = new DictionaryColumn.Builder("c");
    String first = builder.add(new String("north"));
    for (int i = 0; i < distinct; i++) {
      builder.add("v" + i);
    }

    assertThat(builder.add(new String("north"))).isSameAs(first);
  }
}
