package dev.flipgate.comparison;

/** How an example's correctness changed from the deployed model to the candidate. */
public enum FlipKind {
  /** Right under deployed, wrong under candidate: the regression users notice. */
  NEGATIVE("negative"),
  /** Wrong under deployed, right under candidate. */
  POSITIVE("positive"),
  BOTH_RIGHT("both-right"),
  BOTH_WRONG("both-wrong");

  private final String id;

  FlipKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static FlipKind of(boolean deployedRight, boolean candidateRight) {
    if (deployedRight) {
      return candidateRight ? BOTH_RIGHT : NEGATIVE;
    }
    return candidateRight ? POSITIVE : BOTH_WRONG;
  }

  /** The numeric counterpart: the absolute error grew (or shrank) by more than the tolerance. */
  public static FlipKind ofErrors(double deployedError, double candidateError, double tolerance) {
    if (candidateError > deployedError + tolerance) {
      return NEGATIVE;
    }
    if (deployedError > candidateError + tolerance) {
      return POSITIVE;
    }
    return deployedError <= tolerance ? BOTH_RIGHT : BOTH_WRONG;
  }

  public boolean isFlip() {
    return this == NEGATIVE || this == POSITIVE;
  }
}
