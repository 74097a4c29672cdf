package dev.flipgate.model;

import java.util.Objects;

/**
 * Which model answered: its name in the suite, its kind ({@code onnx}, {@code predictions-file}),
 * and the SHA-256 and size of the file it was read from.
 */
public record ModelIdentity(String name, String kind, String location, String sha256, long sizeBytes) {
  public ModelIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(sha256, "sha256");
  }
}
