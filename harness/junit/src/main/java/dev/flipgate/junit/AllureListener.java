package dev.flipgate.junit;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Allure's JUnit Platform listener writing into a chosen directory, for one launcher run. The
 * engine's details go through {@link Allure#getLifecycle()}, so for the run that lifecycle is
 * the listener's own; {@link #restore()} puts the previous one back (a test JVM may have its own
 * Allure listener writing elsewhere). Kept apart so only the CLI links Allure.
 */
final class AllureListener {
  private final AllureLifecycle previous;
  private final TestExecutionListener listener;

  private AllureListener(Path directory) {
    this.previous = Allure.getLifecycle();
    var lifecycle = new AllureLifecycle(new FileSystemResultsWriter(directory));
    Allure.setLifecycle(lifecycle);
    this.listener = new AllureJunitPlatform(lifecycle);
  }

  static AllureListener writingTo(Path directory) {
    return new AllureListener(directory);
  }

  TestExecutionListener listener() {
    return listener;
  }

  void restore() {
    Allure.setLifecycle(previous);
  }
}
