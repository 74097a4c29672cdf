package dev.flipgate.junit;

import dev.flipgate.run.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Adds to a test what JUnit has no words for — labels, parameters, attachments — for a report
 * that has (Allure). {@link #describe} is called while the test runs, between its start and its
 * finish; {@link #runsFinished} once, after every suite.
 */
interface TestDetails {
  String ALLURE_ENABLED = "flipgate.allure.enabled";
  String ALLURE_RESULTS = "flipgate.allure.results";

  void describe(TestFacts facts, RunResult result);

  void runsFinished(List<RunResult> results);

  TestDetails NONE = new TestDetails() {
    @Override
    public void describe(TestFacts facts, RunResult result) {}

    @Override
    public void runsFinished(List<RunResult> results) {}
  };

  /**
   * Allure details when Allure's JUnit Platform listener is on the classpath (a model
   * repository adds {@code allure-jupiter}) unless {@value #ALLURE_ENABLED} is {@code false}.
   * Created reflectively so that without Allure no class of it is ever linked.
   */
  static TestDetails from(ConfigurationParameters parameters) {
    boolean wanted = parameters.getBoolean(ALLURE_ENABLED).orElse(true);
    ClassLoader loader = TestDetails.class.getClassLoader();
    if (!wanted || !present("io.qameta.allure.junitplatform.AllureJunitPlatform", loader)) {
      return NONE;
    }
    Optional<Path> results = parameters.get(ALLURE_RESULTS).filter(s -> !s.isBlank()).map(Path::of);
    try {
      return (TestDetails) Class.forName("dev.flipgate.junit.AllureDetails", true, loader)
          .getDeclaredConstructor(Optional.class).newInstance(results);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Allure is on the classpath but its details could not be set up: " + e, e);
    }
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
