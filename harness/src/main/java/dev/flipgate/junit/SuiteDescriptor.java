package dev.flipgate.junit;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.suite.Suite;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A suite, anchored on its {@link GoldenSuite} class; its children are its rules. */
final class SuiteDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "suite";

  private final Optional<Loaded> loaded;
  private final Optional<String> candidate;
  private final Optional<RuntimeException> configurationFault;

  /** The suite and golden set discovery read, so execution does not read them again. */
  record Loaded(Suite suite, GoldenSet goldenSet) {}

  SuiteDescriptor(UniqueId id, Class<?> anchor, Optional<Loaded> loaded, Optional<String> candidate,
      Optional<RuntimeException> configurationFault) {
    super(id, anchor.getSimpleName(), ClassSource.from(anchor));
    this.loaded = loaded;
    this.candidate = candidate;
    this.configurationFault = configurationFault;
  }

  /** Present unless {@link #configurationFault()} is. */
  Optional<Loaded> loaded() {
    return loaded;
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
