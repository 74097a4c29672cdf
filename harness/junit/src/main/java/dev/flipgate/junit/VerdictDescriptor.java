package dev.flipgate.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * The gate's verdict on the suite as one test: it fails when the gate blocks, naming every
 * reason, and carries the run's reports (result.json, summary.md, report.html) and its flips.
 */
final class VerdictDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "verdict";

  VerdictDescriptor(UniqueId suite) {
    super(suite.append(SEGMENT, "gate"), "gate verdict");
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
