package dev.flipgate.junit;

import dev.flipgate.failure.FlipgateException;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.report.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs a suite's gate once and reports it test by test: a failed check is a test failure with
 * expected and actual; a check too small to reveal its threshold is aborted with the reason;
 * a model or configuration fault fails every test with that fault (an error, not an assertion).
 */
final class SuiteExecution {
  private final EngineExecutionListener listener;
  private final Path outputDirectory;

  SuiteExecution(EngineExecutionListener listener, Path outputDirectory) {
    this.listener = listener;
    this.outputDirectory = outputDirectory;
  }

  void execute(SuiteDescriptor suite) {
    listener.executionStarted(suite);
    if (suite.configurationFault().isPresent()) {
      listener.executionFinished(suite, TestExecutionResult.failed(suite.configurationFault().get()));
      return;
    }
    RunResult result;
    try {
      String runId = suite.getLegacyReportingName().toLowerCase(Locale.ROOT);
      result = new GateRunner(Clock.systemUTC(), ProgressListener.SILENT).run(suite.suiteFile(), suite.candidate(), runId);
      RunOutputWriter.write(result, outputDirectory.resolve(runId));
    } catch (FlipgateException | IOException | UncheckedIOException e) {
      failEveryTest(suite, e);
      listener.executionFinished(suite, TestExecutionResult.failed(e));
      return;
    }
    for (TestDescriptor child : suite.getChildren()) {
      report((RuleDescriptor) child, result);
    }
    listener.executionFinished(suite, TestExecutionResult.successful());
  }

  private void report(RuleDescriptor rule, RunResult result) {
    listener.executionStarted(rule);
    Map<RuleCheck.Subject, RuleCheck> checks = rule.rule().check(result.comparison()).stream()
        .collect(Collectors.toMap(RuleCheck::subject, Function.identity(), (a, b) -> a));
    for (TestDescriptor child : rule.getChildren()) {
      CheckDescriptor check = (CheckDescriptor) child;
      listener.executionStarted(check);
      listener.executionFinished(check, outcome(checks.get(check.subject()), check));
    }
    listener.executionFinished(rule, TestExecutionResult.successful());
  }

  static TestExecutionResult outcome(RuleCheck check, CheckDescriptor descriptor) {
    if (check == null) {
      return TestExecutionResult.failed(new IllegalStateException(
          "the rule judged nothing for " + descriptor.getDisplayName() + "; the gate fails closed"));
    }
    if (!check.passed()) {
      return TestExecutionResult.failed(new AssertionFailedError(check.message(),
          "at most " + check.limit(), check.measured().isPresent() ? String.valueOf(check.measured().getAsDouble()) : "nothing measured"));
    }
    if (check.isUnderpowered()) {
      return TestExecutionResult.aborted(new TestAbortedException("underpowered: " + check.underpowered().get()));
    }
    return TestExecutionResult.successful();
  }

  private void failEveryTest(TestDescriptor container, Throwable fault) {
    List<? extends TestDescriptor> children = List.copyOf(container.getChildren());
    for (TestDescriptor child : children) {
      listener.executionStarted(child);
      failEveryTest(child, fault);
      listener.executionFinished(child, TestExecutionResult.failed(fault));
    }
  }
}
