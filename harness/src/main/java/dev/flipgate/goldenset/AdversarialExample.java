package dev.flipgate.goldenset;

import java.util.Objects;

/**
 * An example derived from {@code sourceId} by {@code perturbation}; {@code label} is the source's
 * true label.
 */
public record AdversarialExample(
    String id, String sourceId, String perturbation, Expectation expectation, String label,
    InputTensor input, long line) {

  public AdversarialExample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(perturbation, "perturbation");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(input, "input");
  }
}
