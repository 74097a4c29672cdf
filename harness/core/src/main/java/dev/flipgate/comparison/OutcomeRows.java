package dev.flipgate.comparison;

import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.model.Prediction;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Every example's outcome, held as columns: the golden set's table, both models' answers in row
 * order and one byte per example for the kind of flip. An {@link ExampleOutcome} is made when
 * read, so ten million outcomes cost ten megabytes, not ten million objects.
 */
final class OutcomeRows extends AbstractList<ExampleOutcome> implements RandomAccess {
  private static final FlipKind[] KINDS = FlipKind.values();

  private final ExampleTable examples;
  private final List<Prediction> deployed;
  private final List<Prediction> candidate;
  private final byte[] kinds;

  /** @param deployed and {@code candidate}: answers by row, at least one per example (adversarial ones may follow) */
  OutcomeRows(ExampleTable examples, List<Prediction> deployed, List<Prediction> candidate, byte[] kinds) {
    this.examples = examples;
    this.deployed = deployed;
    this.candidate = candidate;
    this.kinds = kinds;
  }

  FlipKind kind(int row) {
    return KINDS[kinds[row]];
  }

  @Override
  public ExampleOutcome get(int row) {
    java.util.Objects.checkIndex(row, kinds.length);
    return new ExampleOutcome(examples.id(row), examples.labels().value(row), deployed.get(row), candidate.get(row),
        kind(row));
  }

  @Override
  public int size() {
    return kinds.length;
  }

  /** The outcome of the example with this id, if the golden set has it. */
  Optional<ExampleOutcome> of(String id) {
    int row = examples.ids().rowOf(id);
    return row < 0 ? Optional.empty() : Optional.of(get(row));
  }

  int rowOf(String id) {
    return examples.ids().rowOf(id);
  }

  /** The flips, in golden-set order: a view that makes each outcome when read. */
  List<ExampleOutcome> flips() {
    return new Rows(flipRows());
  }

  /** The rows of the flips, in golden-set order. */
  int[] flipRows() {
    int count = 0;
    for (byte kind : kinds) {
      count += KINDS[kind].isFlip() ? 1 : 0;
    }
    int[] rows = new int[count];
    int next = 0;
    for (int row = 0; row < kinds.length; row++) {
      if (KINDS[kinds[row]].isFlip()) {
        rows[next++] = row;
      }
    }
    return rows;
  }

  /** The outcomes of some rows, in their order, each made when read. */
  private final class Rows extends AbstractList<ExampleOutcome> implements RandomAccess {
    private final int[] rows;

    Rows(int[] rows) {
      this.rows = rows;
    }

    @Override
    public ExampleOutcome get(int index) {
      return OutcomeRows.this.get(rows[index]);
    }

    @Override
    public int size() {
      return rows.length;
    }
  }
}
