package dev.flipgate.junit;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.suite.Suite;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A suite — anchored on its {@link GoldenSuite} class, or selected as a file — whose children
 * are its gate verdict and its rules.
 */
final class SuiteDescriptor extends AbstractTestDescriptor {
  /** The segment of a suite anchored on a class: its value is the class name. */
  static final String SEGMENT = "suite";
  /** The segment of a suite selected as a file: its value is the file's path. */
  static final String FILE_SEGMENT = "suite-file";

  private final Optional<Loaded> loaded;
  private final Optional<String> candidate;
  private final Optional<RuntimeException> configurationFault;

  /** The suite and golden set discovery read, so execution does not read them again. */
  record Loaded(Suite suite, GoldenSet goldenSet) {}

  SuiteDescriptor(UniqueId id, String displayName, TestSource source, Optional<Loaded> loaded,
      Optional<String> candidate, Optional<RuntimeException> configurationFault) {
    super(id, displayName, source);
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

  /** The suite's own name, or the descriptor's when the suite could not be read. */
  String suiteName() {
    return loaded.map(l -> l.suite().name()).orElse(getDisplayName());
  }

  @Override
  public Type getType() {
    return configurationFault.isPresent() ? Type.CONTAINER_AND_TEST : Type.CONTAINER;
  }
}
