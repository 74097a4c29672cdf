package dev.flipgate.gate;

import java.util.List;
import java.util.OptionalDouble;

/** The latency percentiles a rule may name: those every result reports. */
final class LatencyPercentile {
  private LatencyPercentile() {}

  static int require(Integer percentile, RuleLocation location) {
    if (percentile == null || !(percentile == 50 || percentile == 95 || percentile == 99)) {
      throw location.problem().expected("percentile: 50, 95 or 99").found(percentile == null ? "none" : String.valueOf(percentile))
          .whatToDo("name a reported percentile").configurationError("unusable latency percentile");
    }
    return percentile;
  }

  /** The subject a latency rule judges: {@code p95}. */
  static RuleCheck.Subject subject(int percentile) {
    return RuleCheck.Subject.latency("p" + percentile);
  }

  /** The failed check of a latency rule in a run that measured no latency: it fails closed. */
  static List<RuleCheck> notMeasured(String rule, int percentile, double threshold) {
    String message = "latency was not measured (latency.samples is 0, or a model is a predictions file), so " + rule
        + " on p" + percentile + " cannot pass; the gate fails closed";
    return List.of(new RuleCheck(rule, subject(percentile), false, OptionalDouble.empty(), threshold, message, List.of()));
  }
}
