package dev.flipgate.junit;

import dev.flipgate.run.RunResult;
import dev.flipgate.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Writes a finished gate run as test results for CI systems without Maven: JUnit XML in the
 * Surefire format ({@code TEST-flipgate.xml}) and Allure results. It runs the flipgate engine
 * through the JUnit Platform launcher on the suite file, handing it the run so nothing is
 * computed twice; the tests and unique ids are those a {@link GoldenSuite} anchor would give,
 * under a {@code suite-file} segment.
 */
public final class TestReportFiles {
  private TestReportFiles() {}

  /**
   * @param reportDirectory where the run's own reports (result.json, summary.md, report.html) are
   * @param baseDirectory what the suite file's id is relative to, so ids stay stable across machines
   */
  public static void write(Suite suite, RunResult result, Path reportDirectory, Path baseDirectory,
      Optional<Path> junitXmlDirectory, Optional<Path> allureResultsDirectory, PrintWriter errors) {
    if (junitXmlDirectory.isEmpty() && allureResultsDirectory.isEmpty()) {
      return;
    }
    var engine = FlipgateTestEngine.reporting(suite.file(), suite, result.goldenSet(), result, reportDirectory);
    var listeners = new ArrayList<TestExecutionListener>();
    junitXmlDirectory.ifPresent(directory -> listeners.add(new LegacyXmlReportGeneratingListener(directory, errors)));
    Optional<AllureListener> allure = allureResultsDirectory.map(AllureListener::writingTo);
    allure.ifPresent(a -> listeners.add(a.listener()));
    var launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .addTestEngines(engine)
        .addTestExecutionListeners(listeners.toArray(TestExecutionListener[]::new))
        .build());
    var request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectFile(suite.file().toFile()))
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("flipgate.baseDir", baseDirectory.toString())
        .configurationParameter(TestDetails.ALLURE_ENABLED, String.valueOf(allureResultsDirectory.isPresent()))
        .configurationParameter(TestDetails.ALLURE_RESULTS, allureResultsDirectory.map(Path::toString).orElse(""))
        .build();
    try {
      launcher.execute(request);
    } finally {
      allure.ifPresent(AllureListener::restore);
    }
  }
}
