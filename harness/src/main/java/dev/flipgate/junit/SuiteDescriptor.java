package dev.flipgate.junit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A suite, anchored on its {@link GoldenSuite} class; its children are its rules. */
final class SuiteDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "suite";

  private final Path suiteFile;
  private final Optional<String> candidate;
  private final Optional<RuntimeException> configurationFault;

  SuiteDescriptor(UniqueId id, Class<?> anchor, Path suiteFile, Optional<String> candidate,
      Optional<RuntimeException> configurationFault) {
    super(id, anchor.getSimpleName(), ClassSource.from(anchor));
    this.suiteFile = suiteFile;
    this.candidate = candidate;
    this.configurationFault = configurationFault;
  }

  Path suiteFile() {
    return suiteFile;
  }

  Optional<String> candidate() {
    return candidate;
  }

  /** A suite that could not even be read is reported as one broken test, not as nothing. */
  Optional<RuntimeException> configurationFault() {
    return configurationFault;
  }

  @Override
  public Type getType() {
    return configurationFault.isPresent() ? Type.CONTAINER_AND_TEST : Type.CONTAINER;
  }
}
