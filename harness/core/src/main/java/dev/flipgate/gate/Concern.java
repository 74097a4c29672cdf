package dev.flipgate.gate;

import java.util.Locale;

/**
 * What kind of regression a rule guards against. Reports group failures by it (Allure
 * categories, the prefix of a failed test's message), so a reviewer sees at a glance whether
 * the candidate broke examples, slices, robustness or speed.
 */
public enum Concern {
  NEGATIVE_FLIPS("negative flips"),
  SLICE_REGRESSION("slice regression"),
  CRITICAL_EXAMPLES("critical examples"),
  ADVERSARIAL("adversarial"),
  ATTACK("attack"),
  HUMAN_GAP("gap to human"),
  LATENCY("latency");

  private final String title;

  Concern(String title) {
    this.title = title;
  }

  /** Lower case, as it prefixes a failure message: {@code "negative flips: …"}. */
  public String title() {
    return title;
  }

  /** Capitalized, as a category heading. */
  public String heading() {
    return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
  }
}
