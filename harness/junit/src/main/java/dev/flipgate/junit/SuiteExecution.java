package dev.flipgate.junit;

import dev.flipgate.gate.WaiverUse;

import dev.flipgate.comparison.AdversarialOutcome;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.gate.Concern;
import dev.flipgate.gate.CriticalExamplesRule;
import dev.flipgate.gate.GatePolicy;
import dev.flipgate.gate.MaxRobustnessDropRule;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.gate.Verdict;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs a suite's gate once and reports it test by test: a failed check is a test failure with
 * expected and actual, its message starting with the rule's {@link Concern} ("negative flips:
 * …"); a check too small to reveal its threshold is aborted with the reason; a model or
 * configuration fault fails every test with that fault (an error, not an assertion).
 */
final class SuiteExecution {
  static final String VERDICT_PREFIX = "gate verdict";

  private final EngineExecutionListener listener;
  private final SuiteRuns runs;
  private final TestDetails details;
  private final List<RunResult> results = new ArrayList<>();

  SuiteExecution(EngineExecutionListener listener, SuiteRuns runs, TestDetails details) {
    this.listener = listener;
    this.runs = runs;
    this.details = details;
  }

  /** The runs of every suite executed so far. */
  List<RunResult> results() {
    return List.copyOf(results);
  }

  void execute(SuiteDescriptor suite) {
    listener.executionStarted(suite);
    if (suite.configurationFault().isPresent() || suite.loaded().isEmpty()) {
      listener.executionFinished(suite, TestExecutionResult.failed(suite.configurationFault()
          .orElseGet(() -> new IllegalStateException("the suite was not loaded"))));
      return;
    }
    SuiteRuns.Completed completed;
    try {
      completed = runs.run(suite);
    } catch (Exception | LinkageError e) {
      // Any fault, even a class missing from a broken classpath, fails every test: never a pass.
      failEveryTest(suite, e);
      listener.executionFinished(suite, TestExecutionResult.failed(e));
      return;
    }
    results.add(completed.result());
    for (TestDescriptor child : List.copyOf(suite.getChildren())) {
      if (child instanceof VerdictDescriptor verdict) {
        reportVerdict(verdict, suite, completed);
      } else if (child instanceof RuleDescriptor rule) {
        report(rule, suite, completed.result());
      }
    }
    reportAdversarialFailures(suite, completed.result());
    listener.executionFinished(suite, TestExecutionResult.successful());
  }

  private void reportVerdict(VerdictDescriptor test, SuiteDescriptor suite, SuiteRuns.Completed completed) {
    RunResult result = completed.result();
    var directory = completed.reportDirectory();
    var facts = new TestFacts(suite.suiteName(), VERDICT_PREFIX, VERDICT_PREFIX, TestFacts.Severity.BLOCKER,
        Optional.empty(), result.comparison().flips().stream().map(ExampleOutcome::id).toList(), false,
        List.of(directory.resolve("result.json"), directory.resolve("summary.md"), directory.resolve("report.html")));
    run(test, facts, result, () -> {
      var reasons = result.decision().reasons();
      if (result.decision().verdict() == Verdict.PROMOTE) {
        return TestExecutionResult.successful();
      }
      String message = String.format("%s: BLOCK, %d reason%s: %s; reports in %s", VERDICT_PREFIX, reasons.size(),
          reasons.size() == 1 ? "" : "s",
          reasons.stream().map(r -> r.rule() + " on " + r.subject().name()).collect(Collectors.joining(", ")), directory);
      return TestExecutionResult.failed(new AssertionFailedError(message, Verdict.PROMOTE.name(), Verdict.BLOCK.name()));
    });
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
    for (AdversarialOutcome failure : failures) {
      var example = failure.example();
      var test = new CheckDescriptor(container.getUniqueId().append("example", example.id()),
          "adversarial " + example.perturbation() + " on " + example.id(), RuleCheck.Subject.example(example.id()));
      container.addChild(test);
      listener.dynamicTestRegistered(test);
      boolean blocking = result.decision().reasons().stream().anyMatch(c -> c.rule().equals(MaxRobustnessDropRule.ID)
          && c.subject().equals(RuleCheck.Subject.perturbation(example.perturbation())));
      var facts = new TestFacts(suite.suiteName(), "adversarial examples", "perturbation " + example.perturbation(),
          blocking ? TestFacts.Severity.CRITICAL : TestFacts.Severity.MINOR, Optional.of(Concern.ADVERSARIAL),
          example.hasSource() ? List.of(example.id(), example.sourceId()) : List.of(example.id()), true, List.of());
      run(test, facts, result, () -> {
        String expected = example.expectation() == Expectation.TRUE_LABEL
            ? example.label() : failure.candidateOnSource().label();
        String message = String.format(
            "%s: candidate fails adversarial example %s (%s, expectation %s), which the deployed model passes",
            Concern.ADVERSARIAL.title(), example.id(),
            example.hasSource() ? example.perturbation() + " of " + example.sourceId() : "template " + example.perturbation(),
            example.expectation().id());
        return blocking
            ? TestExecutionResult.failed(new AssertionFailedError(message, expected, failure.candidate().label()))
            : TestExecutionResult.aborted(new TestAbortedException(message + "; tolerated: the policy does not block on "
                + "robustness to " + example.perturbation()));
      });
    }
    listener.executionFinished(container, TestExecutionResult.successful());
  }

  private void report(RuleDescriptor rule, SuiteDescriptor suite, RunResult result) {
    listener.executionStarted(rule);
    Map<RuleCheck.Subject, RuleCheck> checks = rule.rule().check(result.comparison()).stream()
        .collect(Collectors.toMap(RuleCheck::subject, Function.identity(), (a, b) -> a));
    boolean blockOnUnderpowered = result.decision().underpoweredHandling() == GatePolicy.Underpowered.BLOCK;
    for (TestDescriptor child : rule.getChildren()) {
      CheckDescriptor test = (CheckDescriptor) child;
      RuleCheck check = checks.get(test.subject());
      var facts = new TestFacts(suite.suiteName(), rule.rule().id(), feature(test.subject()),
          rule.rule().id().equals(CriticalExamplesRule.ID) ? TestFacts.Severity.BLOCKER : TestFacts.Severity.CRITICAL,
          Optional.of(rule.rule().concern()), check == null ? List.of() : check.exampleIds(),
          check != null && !check.passed(), List.of());
      if (check != null && result.decision().isWaived(check)) {
        // An accepted regression neither passes nor fails: it is skipped, saying who accepted it and until when.
        listener.executionSkipped(test, result.decision().waiversOf(check).stream().map(WaiverUse::describe)
            .collect(Collectors.joining("; ")) + " — " + rule.rule().concern().title() + ": " + check.message());
        continue;
      }
      // An expired waiver that would have accepted the failure is named in it: the reviewer sees since when it blocks again.
      String expired = check == null ? "" : result.decision().waiversOf(check).stream()
          .map(u -> "; " + u.describe()).collect(Collectors.joining());
      run(test, facts, result, () -> outcome(check, test, rule.rule().concern(), blockOnUnderpowered, expired));
    }
    listener.executionFinished(rule, TestExecutionResult.successful());
  }

  private static String feature(RuleCheck.Subject subject) {
    return switch (subject.kind()) {
      case SLICE -> "slice " + subject.name();
      case EXAMPLE -> "critical example " + subject.name();
      case PERTURBATION -> "perturbation " + subject.name();
      case LATENCY -> "latency " + subject.name();
      case ATTACK -> "attack " + subject.name();
    };
  }

  /** Reports one test: started, described while running (so Allure attaches to it), finished. */
  private void run(TestDescriptor test, TestFacts facts, RunResult result, Supplier<TestExecutionResult> outcome) {
    listener.executionStarted(test);
    TestExecutionResult finished = outcome.get();
    try {
      details.describe(facts, result);
    } catch (RuntimeException e) {
      // Evidence that could not be attached is a fault of the run, never silently dropped.
      finished = TestExecutionResult.failed(e);
    }
    listener.executionFinished(test, finished);
  }

  static TestExecutionResult outcome(RuleCheck check, CheckDescriptor descriptor, Concern concern,
      boolean blockOnUnderpowered, String waiverNote) {
    if (check == null) {
      return TestExecutionResult.failed(new IllegalStateException(
          "the rule judged nothing for " + descriptor.getDisplayName() + "; the gate fails closed"));
    }
    if (!check.passed()) {
      return TestExecutionResult.failed(new AssertionFailedError(concern.title() + ": " + check.message() + waiverNote,
          "at most " + check.limit(), check.measured().isPresent() ? String.valueOf(check.measured().getAsDouble()) : "nothing measured"));
    }
    if (check.isUnderpowered()) {
      return blockOnUnderpowered
          ? TestExecutionResult.failed(new AssertionFailedError(concern.title() + ": underpowered, and the policy "
              + "blocks on it: " + check.underpowered().get()))
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
