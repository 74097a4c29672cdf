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

  /** An index a {@link Builder} already filled. */
  private ExampleIndex(String[] ids, int[] slots) {
    this.ids = ids;
    this.slots = slots;
    this.mask = slots.length - 1;
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

  /**
   * As {@link #rowOf}, trying {@code expected} first: answers written in the examples' order
   * find their row with one comparison, in memory order, and any other order still joins.
   */
  public int rowOf(String id, int expected) {
    return expected >= 0 && expected < ids.length && ids[expected].equals(id) ? expected : rowOf(id);
  }

  public String id(int row) {
    return ids[row];
  }

  /** The slot holding {@code id}, or the empty slot where it would go. */
  private int slotOf(String[] rows, String id) {
    int slot = spread(id.hashCode()) & mask;
    while (slots[slot] != 0 && !rows[slots[slot] - 1].equals(id)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * Numbers ids as they are read, finding a repeated one on the spot. The table doubles as it
   * fills, so it never holds more than half its slots.
   */
  static final class Builder {
    private String[] ids = new String[1024];
    private int[] slots = new int[2048];
    private int rows;

    /** Adds {@code id} as the next row; returns -1, or the earlier row of a repeated id (then nothing is added). */
    int add(String id) {
      if (2 * (rows + 1) > slots.length) {
        grow();
      }
      int slot = probe(slots, ids, id);
      if (slots[slot] != 0) {
        return slots[slot] - 1;
      }
      if (rows == ids.length) {
        ids = Arrays.copyOf(ids, rows * 2);
      }
      ids[rows] = id;
      slots[slot] = ++rows;
      return -1;
    }

    ExampleIndex build() {
      return new ExampleIndex(Arrays.copyOf(ids, rows), slots);
    }

    private void grow() {
      int[] larger = new int[slots.length * 2];
      for (int row = 0; row < rows; row++) {
        larger[probe(larger, ids, ids[row])] = row + 1;
      }
      slots = larger;
    }

    private static int probe(int[] slots, String[] ids, String id) {
      int mask = slots.length - 1;
      int slot = spread(id.hashCode()) & mask;
      while (slots[slot] != 0 && !ids[slots[slot] - 1].equals(id)) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }

  /**
   * MurmurHash3's finalizer: ids like e1, e2, … have consecutive hash codes, which would pile up
   * in runs under linear probing; this scatters them.
   */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
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
