package dev.flipgate.gate;

import dev.flipgate.statistics.Interval;
import dev.flipgate.statistics.Power;
import java.util.Optional;

/** Says why a subject is too small for a threshold, when its interval is too wide to reveal it. */
final class Underpowering {
  private Underpowering() {}

  static Optional<String> of(Optional<Interval> interval, double threshold, double power, String measure, long n) {
    if (interval.isEmpty()) {
      return Optional.of("no interval could be computed for " + measure + " (n = " + n + ")");
    }
    double detectable = Power.minimumDetectable(interval.get(), power);
    if (detectable <= threshold) {
      return Optional.empty();
    }
    return Optional.of(String.format(java.util.Locale.ROOT,
        "with n = %d the smallest change in %s detectable at %.0f%% power is %.3f pp, more than the threshold %.3f pp",
        n, measure, power * 100, detectable * 100, threshold * 100));
  }
}
