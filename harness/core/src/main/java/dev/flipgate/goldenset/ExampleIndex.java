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
  /**
   * Per slot, two ints side by side: the row + 1 of the id there (0: empty) and its scattered
   * hash. A probe reads one cache line and compares hashes; only an equal hash reads the id.
   */
  private final int[] slots;

  /** An index a {@link Builder} filled. */
  private ExampleIndex(IdColumn ids, int[] slots) {
    this.ids = ids;
    this.slots = slots;
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
    return slots[probe(slots, ids, id, spread(id.hashCode()))] - 1;
  }

  /**
   * As {@link #rowOf}, trying {@code expected} first: answers written in the examples' order
   * find their row with one comparison, in memory order, and any other order still joins.
   */
  public int rowOf(String id, int expected) {
    return expected >= 0 && expected < ids.size() && ids.matches(expected, id) ? expected : rowOf(id);
  }

  /**
   * Whether the id at {@code row} is the ASCII text {@code text[from, to)}, compared in place: a
   * reader of answers in the examples' order checks each id without making a String.
   */
  public boolean matches(int row, byte[] text, int from, int to) {
    return row >= 0 && row < ids.size() && ids.matches(row, text, from, to);
  }

  /** Whether the id at {@code row} is {@code id}, compared in place (no String is made for the row's id). */
  public boolean matches(int row, String id) {
    return row >= 0 && row < ids.size() && ids.matches(row, id);
  }

  public String id(int row) {
    java.util.Objects.checkIndex(row, ids.size());
    return ids.get(row);
  }

  /** The index in {@code slots} of the slot holding {@code id}, or of the empty slot where it would go. */
  private static int probe(int[] slots, IdColumn ids, String id, int hash) {
    int mask = slots.length / 2 - 1;
    int slot = hash & mask;
    while (slots[2 * slot] != 0 && (slots[2 * slot + 1] != hash || !ids.matches(slots[2 * slot] - 1, id))) {
      slot = (slot + 1) & mask;
    }
    return 2 * slot;
  }

  /** As {@link #probe(int[], IdColumn, String, int)}, for an ASCII id given as bytes. */
  private static int probe(int[] slots, IdColumn ids, byte[] text, int from, int to, int hash) {
    int mask = slots.length / 2 - 1;
    int slot = hash & mask;
    while (slots[2 * slot] != 0 && (slots[2 * slot + 1] != hash || !ids.matches(slots[2 * slot] - 1, text, from, to))) {
      slot = (slot + 1) & mask;
    }
    return 2 * slot;
  }

  /** The String's hash code of the ASCII text {@code text[from, to)} (String.hashCode is specified). */
  private static int hashOf(byte[] text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + (text[i] & 0xFF);
    }
    return h;
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
    private int[] slots = new int[2 * 2048];

    /** Adds {@code id} as the next row; returns -1, or the earlier row of a repeated id (then nothing is added). */
    int add(String id) {
      if (3 * (long) (ids.size() + 1) > 2L * (slots.length / 2)) {
        grow();
      }
      int hash = spread(id.hashCode());
      int at = probe(slots, ids, id, hash);
      if (slots[at] != 0) {
        return slots[at] - 1;
      }
      ids.add(id);
      slots[at] = ids.size();
      slots[at + 1] = hash;
      return -1;
    }

    /** As {@link #add(String)}, for an ASCII id given as bytes: no String is made for it. */
    int add(byte[] text, int from, int to) {
      if (3 * (long) (ids.size() + 1) > 2L * (slots.length / 2)) {
        grow();
      }
      int hash = spread(hashOf(text, from, to));
      int at = probe(slots, ids, text, from, to, hash);
      if (slots[at] != 0) {
        return slots[at] - 1;
      }
      ids.add(text, from, to);
      slots[at] = ids.size();
      slots[at + 1] = hash;
      return -1;
    }

    ExampleIndex build() {
      return new ExampleIndex(ids.trimmed(), slots);
    }

    private void grow() {
      int[] larger = new int[slots.length * 2];
      int mask = larger.length / 2 - 1;
      for (int at = 0; at < slots.length; at += 2) {
        if (slots[at] != 0) {
          int slot = slots[at + 1] & mask;
          while (larger[2 * slot] != 0) {
            slot = (slot + 1) & mask;
          }
          larger[2 * slot] = slots[at];
          larger[2 * slot + 1] = slots[at + 1];
        }
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
