package dev.flipgate.goldenset;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One instance of each distinct value a column repeats: a million examples in four regions hold
 * four strings, not a million. A column with more distinct values than {@link #MAX_SHARED} (ids,
 * free text) stops being shared, since sharing would then cost more than it saves.
 */
final class SharedValues<T> {
  static final int MAX_SHARED = 1 << 16;

  private final Map<String, T> shared = new HashMap<>();
  private final Function<String, T> make;

  SharedValues(Function<String, T> make) {
    this.make = make;
  }

  static SharedValues<String> strings() {
    return new SharedValues<>(Function.identity());
  }

  T of(String text) {
    T value = shared.get(text);
    if (value != null) {
      return value;
    }
    value = make.apply(text);
    if (shared.size() < MAX_SHARED) {
      shared.put(text, value);
    }
    return value;
  }
}
