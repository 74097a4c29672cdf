package dev.flipgate.junit;

import dev.flipgate.gate.GateRule;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One rule of the gate policy; its children are the subjects it judges. */
final class RuleDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "rule";

  private final GateRule rule;

  RuleDescriptor(UniqueId id, String displayName, GateRule rule) {
    super(id, displayName);
    this.rule = rule;
  }

  GateRule rule() {
    return rule;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
