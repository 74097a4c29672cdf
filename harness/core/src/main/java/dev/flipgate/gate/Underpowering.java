package dev.flipgate.gate;

import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.Power;
import java.util.Locale;
import java.util.Optional;

/**
 * Says why a subject is too small for a threshold. The smallest change it can detect is taken
 * from its interval and, for rates, never less than what the threshold itself implies: a rate
 * that truly moved by the threshold t varies, example to example, by at least t(1 − t), so its
 * standard error is at least √(t(1 − t)/n) whatever was observed. The judgement therefore does
 * not depend on flips having been seen: a slice of 30 without a flip is as underpowered for a
 * 0.5 pp threshold as the same slice with one.
 */
final class Underpowering {
  private Underpowering() {}

  /**
   * @param rate whether the measure is a rate in [0, 1] (reported in pp, with the threshold's floor)
   */
  static Optional<String> of(Optional<Interval> interval, double threshold, double power, String measure, long n,
      boolean rate) {
    if (interval.isEmpty()) {
      return Optional.of("no interval could be computed for " + measure + " (n = " + n + ")");
    }
    double detectable = Power.minimumDetectable(interval.get(), power);
    if (rate && threshold > 0 && threshold < 1 && n > 0) {
      detectable = Math.max(detectable, Power.minimumDetectableRateChange(threshold, n, interval.get().level(), power));
    }
    if (detectable <= threshold) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "with n = %d the smallest change in %s detectable at %.0f%% power is %s, more than the threshold %s",
        n, measure, power * 100, amount(detectable, rate), amount(threshold, rate)));
  }

  private static String amount(double value, boolean rate) {
    return rate ? String.format(Locale.ROOT, "%.3f pp", value * 100) : String.format(Locale.ROOT, "%.4g", value);
  }
}
