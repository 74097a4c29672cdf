package dev.flipgate.goldenset;

import java.util.Objects;

/**
 * An example derived from {@code sourceId} by {@code perturbation}; {@code label} is the source's
 * true label; {@code line} its line in the adversarial file (0 for one generated at run time).
 */
public record AdversarialExample(
    String id, String sourceId, String perturbation, Expectation expectation, String label,
    InputTensor input, long line, java.util.Optional<Direction> direction) {

  /**
   * The source of an example made from a template rather than from a golden-set example
   * (CheckList's MFT): only a true-label expectation can be checked without a source.
   */
  public static final String NO_SOURCE = "";

  /** A curated example (a row of the adversarial file): its expectation needs no direction. */
  public AdversarialExample(
      String id, String sourceId, String perturbation, Expectation expectation, String label, InputTensor input, long line) {
    this(id, sourceId, perturbation, expectation, label, input, line, java.util.Optional.empty());
  }

  public AdversarialExample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(perturbation, "perturbation");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(direction, "direction");
    if ((expectation == Expectation.DIRECTIONAL) != direction.isPresent()) {
      throw new IllegalArgumentException("a directional expectation, and only it, has a direction");
    }
    if (sourceId.isEmpty() && expectation != Expectation.TRUE_LABEL) {
      throw new IllegalArgumentException("an example without a source can only expect its true label");
    }
  }

  /** Whether it was made from a golden-set example (false for a template's text). */
  public boolean hasSource() {
    return !sourceId.isEmpty();
  }
}
