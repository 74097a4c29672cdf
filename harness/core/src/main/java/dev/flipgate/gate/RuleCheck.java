package dev.flipgate.gate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One rule judged on one subject (a slice, a perturbation or a critical example). A failed
 * check is a reason to block. {@code measured} is empty where there was nothing to measure,
 * which fails closed. {@code underpowered} says, when the subject is too small for the rule's
 * threshold, why: such a check is reported, never counted as a silent pass.
 */
public record RuleCheck(
    String rule, Subject subject, boolean passed, OptionalDouble measured, double limit, String message,
    List<String> exampleIds, Optional<String> underpowered, Optional<String> measure) {

  public RuleCheck {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(underpowered, "underpowered");
    Objects.requireNonNull(measure, "measure");
    exampleIds = List.copyOf(exampleIds);
  }

  public RuleCheck(String rule, Subject subject, boolean passed, OptionalDouble measured, double limit, String message,
      List<String> exampleIds, Optional<String> underpowered) {
    this(rule, subject, passed, measured, limit, message, exampleIds, underpowered, Optional.empty());
  }

  public RuleCheck(String rule, Subject subject, boolean passed, OptionalDouble measured, double limit, String message,
      List<String> exampleIds) {
    this(rule, subject, passed, measured, limit, message, exampleIds, Optional.empty(), Optional.empty());
  }

  /** The same check, saying which metric of the subject it judged (a metric id, or {@code negativeFlipRate}). */
  public RuleCheck measuring(String metric) {
    return new RuleCheck(rule, subject, passed, measured, limit, message, exampleIds, underpowered, Optional.of(metric));
  }

  public boolean isUnderpowered() {
    return underpowered.isPresent();
  }

  /** What a check is about. */
  public record Subject(Kind kind, String name) {
    public enum Kind { SLICE, PERTURBATION, EXAMPLE, LATENCY, ATTACK }

    public static Subject slice(String name) {
      return new Subject(Kind.SLICE, name);
    }

    public static Subject perturbation(String name) {
      return new Subject(Kind.PERTURBATION, name);
    }

    public static Subject example(String id) {
      return new Subject(Kind.EXAMPLE, id);
    }

    /** An attack on a slice's attacked examples, named like {@code one-pixel on all}. */
    public static Subject attack(String attack, String slice) {
      return new Subject(Kind.ATTACK, attack + " on " + slice);
    }

    /** A latency percentile of the models, named like {@code p95}. */
    public static Subject latency(String name) {
      return new Subject(Kind.LATENCY, name);
    }
  }
}
