package dev.flipgate.goldenset;

import java.util.Objects;

/** A named subset of a golden set, as curated in its manifest. */
public record SliceDefinition(String name, String description, SlicePredicate predicate) {

  public static final String ALL = "all";

  public SliceDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(predicate, "predicate");
    description = description == null ? "" : description;
  }

  public static SliceDefinition all() {
    return new SliceDefinition(ALL, "every example of the golden set", new SlicePredicate.Everything());
  }
}
