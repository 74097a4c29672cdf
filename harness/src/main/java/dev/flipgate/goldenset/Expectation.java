package dev.flipgate.goldenset;

import java.util.Arrays;
import java.util.Optional;

/** What a model must still do on an adversarial example. */
public enum Expectation {
  /** The source example's true label must still be predicted. */
  TRUE_LABEL("true-label"),
  /** The model must give the same answer as on the source example, right or wrong. */
  INVARIANT("invariant");

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
