package dev.flipgate.goldenset;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;

/**
 * The example ids of a run, each numbered by its row (its position, first occurrence kept), in
 * an open-addressing table of {@code int}s over packed id text ({@link IdColumn}): joining a
 * million answers to their examples costs a million probes and no boxed map entries, and ten
 * million ids fit in about 200 MB. It is also the read-only set of those ids.
 */
public final class ExampleIndex extends AbstractSet<String> {
  private final IdColumn ids;
  /** Row + 1 of the id hashed to each slot; 0 marks an empty slot. */
  private final int[] slots;
  private final int mask;

  /** An index a {@link Builder} filled. */
  private ExampleIndex(IdColumn ids, int[] slots) {
    this.ids = ids;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** The ids in order; a repeated id keeps its first row. */
  public static ExampleIndex of(Collection<String> ids) {
    if (ids instanceof ExampleIndex index) {
      return index;
    }
    Builder builder = new Builder();
    ids.forEach(builder::add);
    return builder.build();
  }

  /** The id's row, or -1 when it is not an example of the run. */
  public int rowOf(String id) {
    return slots[probe(slots, ids, id)] - 1;
  }

  /**
   * As {@link #rowOf}, trying {@code expected} first: answers written in the examples' order
   * find their row with one comparison, in memory order, and any other order still joins.
   */
  public int rowOf(String id, int expected) {
    return expected >= 0 && expected < ids.size() && ids.matches(expected, id) ? expected : rowOf(id);
  }

  public String id(int row) {
    java.util.Objects.checkIndex(row, ids.size());
    return ids.get(row);
  }

  /** The slot holding {@code id}, or the empty slot where it would go. */
  private static int probe(int[] slots, IdColumn ids, String id) {
    int mask = slots.length - 1;
    int slot = spread(id.hashCode()) & mask;
    while (slots[slot] != 0 && !ids.matches(slots[slot] - 1, id)) {
      slot = (slot + 1) & mask;
    }
    return slot;
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

  /**
   * Numbers ids as they are read, finding a repeated one on the spot. The table doubles as it
   * fills, so at most two thirds of its slots are taken and a probe stays short.
   */
  static final class Builder {
    private final IdColumn ids = new IdColumn();
    private int[] slots = new int[2048];

    /** Adds {@code id} as the next row; returns -1, or the earlier row of a repeated id (then nothing is added). */
    int add(String id) {
      if (3 * (long) (ids.size() + 1) > 2L * slots.length) {
        grow();
      }
      int slot = probe(slots, ids, id);
      if (slots[slot] != 0) {
        return slots[slot] - 1;
      }
      ids.add(id);
      slots[slot] = ids.size();
      return -1;
    }

    ExampleIndex build() {
      return new ExampleIndex(ids.trimmed(), slots);
    }

    private void grow() {
      int[] larger = new int[slots.length * 2];
      int mask = larger.length - 1;
      for (int row = 0; row < ids.size(); row++) {
        int slot = spread(ids.hash(row)) & mask;
        while (larger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        larger[slot] = row + 1;
      }
      slots = larger;
    }
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String id && rowOf(id) >= 0;
  }

  @Override
  public int size() {
    return ids.size();
  }

  @Override
  public Iterator<String> iterator() {
    return new AbstractList<String>() {
      @Override
      public String get(int row) {
        return ids.get(row);
      }

      @Override
      public int size() {
        return ids.size();
      }
    }.iterator();
  }
}
