package dev.flipgate.goldenset;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;

/**
 * The example ids of a run, each numbered by its row (its position, first occurrence kept), in
 * an open-addressing table of {@code int}s: joining a million answers to their examples costs a
 * million probes and no boxed map entries. It is also the read-only set of those ids.
 */
public final class ExampleIndex extends AbstractSet<String> {
  private final String[] ids;
  /** Row + 1 of the id hashed to each slot; 0 marks an empty slot. */
  private final int[] slots;
  private final int mask;

  /** @param given the ids in order, compacted in place to the distinct ones */
  private ExampleIndex(String[] given) {
    int capacity = Integer.highestOneBit(Math.max(4, given.length * 2 - 1)) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    int rows = 0;
    for (String id : given) {
      int slot = slotOf(given, id);
      if (slots[slot] == 0) {
        given[rows] = id;
        slots[slot] = ++rows;
      }
    }
    this.ids = rows == given.length ? given : Arrays.copyOf(given, rows);
  }

  /** The ids in order; a repeated id keeps its first row. */
  public static ExampleIndex of(Collection<String> ids) {
    if (ids instanceof ExampleIndex index) {
      return index;
    }
    return new ExampleIndex(ids.toArray(String[]::new));
  }

  /** The id's row, or -1 when it is not an example of the run. */
  public int rowOf(String id) {
    return slots[slotOf(ids, id)] - 1;
  }

  public String id(int row) {
    return ids[row];
  }

  /** The slot holding {@code id}, or the empty slot where it would go. */
  private int slotOf(String[] rows, String id) {
    int h = id.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    while (slots[slot] != 0 && !rows[slots[slot] - 1].equals(id)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String id && rowOf(id) >= 0;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public Iterator<String> iterator() {
    return Arrays.asList(ids).iterator();
  }
}
