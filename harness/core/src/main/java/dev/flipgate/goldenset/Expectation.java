package dev.flipgate.goldenset;

import java.util.Arrays;
import java.util.Optional;

/** What a model must still do on an adversarial example. */
public enum Expectation {
  /** The source example's true label must still be predicted (CheckList's MFT). */
  TRUE_LABEL("true-label"),
  /** The model must give the same answer as on the source example, right or wrong (CheckList's INV). */
  INVARIANT("invariant"),
  /**
   * A declared class's score must not move the wrong way from the source example's (CheckList's
   * DIR); the example carries its {@link Direction}. Only generated perturbations declare it.
   */
  DIRECTIONAL("directional");

  private final String id;

  Expectation(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Expectation> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
  }
}
