package dev.flipgate.model;

/**
 * Whether two answers of a model to the same input are the same answer, allowing for the float
 * noise that batch composition causes: with class scores, every score within
 * {@value #TOLERANCE} (a near tie may then name another label and still agree); without, the
 * same label, or for numbers the same value within {@value #TOLERANCE} relative.
 */
public final class AnswerAgreement {
  public static final double TOLERANCE = 1e-3;

  private AnswerAgreement() {}

  public static boolean agree(Prediction first, Prediction second) {
    if (first.scores().isPresent() != second.scores().isPresent()) {
      return false;
    }
    if (first.scores().isPresent()) {
      double[] before = first.scores().get().toArray();
      double[] after = second.scores().get().toArray();
      if (before.length != after.length) {
        return false;
      }
      for (int i = 0; i < before.length; i++) {
        if (Math.abs(before[i] - after[i]) > TOLERANCE) {
          return false;
        }
      }
      return true;
    }
    if (first.label().equals(second.label())) {
      return true;
    }
    try {
      double before = Double.parseDouble(first.label());
      double after = Double.parseDouble(second.label());
      return Math.abs(before - after) <= TOLERANCE * Math.max(1, Math.abs(before));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
