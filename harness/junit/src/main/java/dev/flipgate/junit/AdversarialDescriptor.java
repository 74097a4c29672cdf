package dev.flipgate.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** The adversarial examples only the candidate fails, registered once the models have run. */
final class AdversarialDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "adversarial";

  AdversarialDescriptor(UniqueId id) {
    super(id, "adversarial examples only the candidate fails");
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
