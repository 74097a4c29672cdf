package dev.flipgate.goldenset;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One labelled row of a golden set. An example is its {@code id}; {@code line} only locates it
 * in its data file for error messages.
 */
public record Example(
    String id, String label, InputTensor input, Map<String, String> metadata, Set<String> tags, long line) {

  public Example {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(input, "input");
    metadata = Map.copyOf(metadata);
    tags = Set.copyOf(tags);
  }

  /** The value of a column: the label column or a metadata column. */
  public Optional<String> column(String name) {
    return Optional.ofNullable(metadata.get(name));
  }
}
