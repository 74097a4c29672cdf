package dev.flipgate.junit;

import dev.flipgate.gate.MaxRobustnessDropRule;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.report.RunOutputWriter;
import dev.flipgate.run.GateRunner;
import dev.flipgate.run.ProgressListener;
import dev.flipgate.run.RunResult;
import java.io.IOException;
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
    if (suite.configurationFault().isPresent() || suite.loaded().isEmpty()) {
      listener.executionFinished(suite, TestExecutionResult.failed(suite.configurationFault()
          .orElseGet(() -> new IllegalStateException("the suite was not loaded"))));
      return;
    }
    var loaded = suite.loaded().get();
    RunResult result;
    try {
      String runId = suite.getLegacyReportingName().toLowerCase(Locale.ROOT);
      result = new GateRunner(Clock.systemUTC(), ProgressListener.SILENT)
          .run(loaded.suite(), loaded.goldenSet(), suite.candidate(), runId);
      RunOutputWriter.write(result, outputDirectory.resolve(runId));
    } catch (Exception | LinkageError e) {
      // Any fault, even a class missing from a broken classpath, fails every test: never a pass.
      failEveryTest(suite, e);
      listener.executionFinished(suite, TestExecutionResult.failed(e));
      return;
    }
    for (TestDescriptor child : List.copyOf(suite.getChildren())) {
      if (child instanceof RuleDescriptor rule) {
        report(rule, result);
      }
    }
    reportAdversarialFailures(suite, result);
    listener.executionFinished(suite, TestExecutionResult.successful());
  }

  /**
   * One dynamic test per adversarial example the candidate fails while the deployed model
   * passes: they are only known once the models have run. Such a test fails when the policy
   * blocks on its perturbation's robustness; otherwise it is aborted with why it is tolerated,
   * so the build fails exactly when the gate blocks.
   */
  private void reportAdversarialFailures(SuiteDescriptor suite, RunResult result) {
    var failures = result.comparison().adversarialOutcomes().stream()
        .filter(o -> o.deployedPasses() && !o.candidatePasses()).toList();
    if (failures.isEmpty()) {
      return;
    }
    var container = new AdversarialDescriptor(suite.getUniqueId().append(AdversarialDescriptor.SEGMENT, "failures"));
    suite.addChild(container);
    listener.dynamicTestRegistered(container);
    listener.executionStarted(container);
    for (var failure : failures) {
      var example = failure.example();
      var test = new CheckDescriptor(container.getUniqueId().append("example", example.id()),
          "adversarial " + example.perturbation() + " on " + example.id(), RuleCheck.Subject.example(example.id()));
      container.addChild(test);
      listener.dynamicTestRegistered(test);
      listener.executionStarted(test);
      String expected = example.expectation() == dev.flipgate.goldenset.Expectation.TRUE_LABEL
          ? example.label() : failure.candidateOnSource().label();
      String message = String.format(
          "candidate fails adversarial example %s (%s of %s, expectation %s), which the deployed model passes",
          example.id(), example.perturbation(), example.sourceId(), example.expectation().id());
      boolean blocking = result.decision().reasons().stream().anyMatch(c -> c.rule().equals(MaxRobustnessDropRule.ID)
          && c.subject().equals(RuleCheck.Subject.perturbation(example.perturbation())));
      listener.executionFinished(test, blocking
          ? TestExecutionResult.failed(new AssertionFailedError(message, expected, failure.candidate().label()))
          : TestExecutionResult.aborted(new TestAbortedException(message + "; tolerated: the policy does not block on "
              + "robustness to " + example.perturbation())));
    }
    listener.executionFinished(container, TestExecutionResult.successful());
  }

  private void report(RuleDescriptor rule, RunResult result) {
    listener.executionStarted(rule);
    Map<RuleCheck.Subject, RuleCheck> checks = rule.rule().check(result.comparison()).stream()
        .collect(Collectors.toMap(RuleCheck::subject, Function.identity(), (a, b) -> a));
    for (TestDescriptor child : rule.getChildren()) {
      CheckDescriptor check = (CheckDescriptor) child;
      listener.executionStarted(check);
      listener.executionFinished(check, outcome(checks.get(check.subject()), check,
          result.decision().underpoweredHandling() == dev.flipgate.gate.GatePolicy.Underpowered.BLOCK));
    }
    listener.executionFinished(rule, TestExecutionResult.successful());
  }

  static TestExecutionResult outcome(RuleCheck check, CheckDescriptor descriptor, boolean blockOnUnderpowered) {
    if (check == null) {
      return TestExecutionResult.failed(new IllegalStateException(
          "the rule judged nothing for " + descriptor.getDisplayName() + "; the gate fails closed"));
    }
    if (!check.passed()) {
      return TestExecutionResult.failed(new AssertionFailedError(check.message(),
          "at most " + check.limit(), check.measured().isPresent() ? String.valueOf(check.measured().getAsDouble()) : "nothing measured"));
    }
    if (check.isUnderpowered()) {
      return blockOnUnderpowered
          ? TestExecutionResult.failed(new AssertionFailedError("underpowered, and the policy blocks on it: "
              + check.underpowered().get()))
          : TestExecutionResult.aborted(new TestAbortedException("underpowered: " + check.underpowered().get()));
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
