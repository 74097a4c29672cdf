package dev.flipgate.junit;

import dev.flipgate.gate.RuleCheck;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One rule judged on one subject: a slice, a critical example, a perturbation or an adversarial example. */
final class CheckDescriptor extends AbstractTestDescriptor {
  private final RuleCheck.Subject subject;

  CheckDescriptor(UniqueId id, String displayName, RuleCheck.Subject subject) {
    super(id, displayName);
    this.subject = subject;
  }

  RuleCheck.Subject subject() {
    return subject;
  }

  static String segment(RuleCheck.Subject subject) {
    return switch (subject.kind()) {
      case SLICE -> "slice";
      case EXAMPLE -> "example";
      case PERTURBATION -> "perturbation";
      case LATENCY -> "latency";
      case ATTACK -> "attack";
    };
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
