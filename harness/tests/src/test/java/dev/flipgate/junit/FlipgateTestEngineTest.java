package dev.flipgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.testing.TinyGoldenSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The flipgate engine end to end with EngineTestKit, on the tiny golden set: e1 cat (group a,
 * critical), e2 dog (a, hard), e3 cat (b, hard), e4 dog (b), and e1~nudge.
 */
class FlipgateTestEngineTest {
  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();

  @BeforeEach
  void givenAPolicyOfThreeRules() {
    tiny.policy = TinyGoldenSet.THREE_RULE_POLICY;
  }

  private EngineTestKit.Builder engine(DiscoverySelector... selectors) {
    tiny.writeTo(directory);
    return EngineTestKit.engine(new FlipgateTestEngine()).selectors(selectors)
        .configurationParameter("flipgate.baseDir", directory.toString())
        .configurationParameter("flipgate.out", directory.resolve("reports").toString());
  }

  @Nested
  class Discovery {
    @Test
    void buildsSuiteRuleSubjectTreeWithIdsFromNames() {
      TestDescriptor engine = new FlipgateTestEngine().discover(
          org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(TinySuiteFixture.class))
              .configurationParameter("flipgate.baseDir", write()).build(),
          UniqueId.forEngine(FlipgateTestEngine.ID));

      TestDescriptor suite = engine.getChildren().iterator().next();
      assertThat(suite.getUniqueId().toString())
          .isEqualTo("[engine:flipgate]/[suite:" + TinySuiteFixture.class.getName() + "]");
      List<String> tests = engine.getDescendants().stream().filter(TestDescriptor::isTest)
          .map(d -> d.getUniqueId().getLastSegment().getType() + ":" + d.getUniqueId().getLastSegment().getValue()).toList();
      assertThat(tests).containsExactly(
          "verdict:gate", "slice:all", "slice:group-a", "slice:hard", "example:e1", "perturbation:nudge");
      assertThat(suite.getChildren()).filteredOn(RuleDescriptor.class::isInstance)
          .extracting(d -> d.getUniqueId().getLastSegment().getValue()).hasSize(3)
          .allSatisfy(ruleKey -> assertThat(ruleKey).matches("[a-z-]+@[0-9a-f]{12}"));
    }

    @Test
    void givesTheSameIdsOnEveryDiscovery() {
      assertThat(ids()).isEqualTo(ids());
    }

    private List<String> ids() {
      TestDescriptor engine = new FlipgateTestEngine().discover(
          org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.baseDir", write()).build(),
          UniqueId.forEngine(FlipgateTestEngine.ID));
      return engine.getDescendants().stream().map(d -> d.getUniqueId().toString()).toList();
    }

    private String write() {
      tiny.writeTo(directory);
      return directory.toString();
    }

    @Test
    void aSuiteFileSelectedDirectlyIsASuiteWithIdsFromItsPath() {
      tiny.writeTo(directory);
      TestDescriptor engine = new FlipgateTestEngine().discover(
          org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
              .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectFile(directory.resolve("suite.yaml").toFile()))
              .configurationParameter("flipgate.baseDir", directory.toString()).build(),
          UniqueId.forEngine(FlipgateTestEngine.ID));

      TestDescriptor suite = engine.getChildren().iterator().next();
      assertThat(suite.getUniqueId().toString()).isEqualTo("[engine:flipgate]/[suite-file:suite.yaml]");
      assertThat(engine.getDescendants().stream().filter(TestDescriptor::isTest).count()).isEqualTo(6);
    }

    @Test
    void ignoresClassesWithoutGoldenSuite() {
      Events tests = engine(selectClass(FlipgateTestEngineTest.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.started(0));
    }
  }

  @Nested
  class Outcomes {
    @Test
    void checksPassWhenTheCandidateAnswersAsTheDeployedModelExceptWhereTheSliceIsTooSmall() {
      // No slice of 2 or 4 examples can show a negative flip rate of at most 0: those checks are
      // aborted as underpowered; the critical example, the perturbation and the verdict pass.
      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.started(6).succeeded(3).aborted(3).failed(0));
      tests.succeeded().assertThatEvents().haveExactly(1, event(test("verdict:gate")));
      tests.succeeded().assertThatEvents().haveExactly(1, event(test("example:e1")))
          .haveExactly(1, event(test("perturbation:nudge")));
    }

    @Test
    void eachRunIsRecordedInTheLedgerWithItsVerdict() {
      String ledger = directory.resolve("ledger.sqlite").toString();
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6");

      engine(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.ledger", ledger).execute();
      engine(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.ledger", ledger).execute();

      var runs = dev.flipgate.ledger.Ledger.open(dev.flipgate.ledger.LedgerLocation.of(ledger)).runs("tiny");
      assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.verdict()).isEqualTo("BLOCK"));
      assertThat(runs.get(0).runId()).isNotEqualTo(runs.get(1).runId());
    }

    @Test
    void aRegressionIsAnAssertionFailureWithExpectedAndActual() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6");

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.failed(4).succeeded(1).aborted(1));
      tests.failed().assertThatEvents().haveExactly(1, event(test("example:e1"),
          finishedWithFailure(instanceOf(AssertionFailedError.class),
              message(m -> m.startsWith("critical examples: ") && m.contains("critical example e1 regressed")))));
      tests.failed().assertThatEvents().haveExactly(1, event(test("slice:all"),
          finishedWithFailure(instanceOf(AssertionFailedError.class),
              message(m -> m.startsWith("negative flips: negative flip rate on 'all'")))));
    }

    @Test
    void aWaivedRegressionIsSkippedWithTheWaiversReasonAndTheVerdictPasses() throws java.io.IOException {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6");
      tiny.writeTo(directory);
      java.nio.file.Files.writeString(directory.resolve("waivers.yaml"), """
          waivers:
            - examples: [e1]
              owner: ana@example.com
              reason: e1 is mislabelled
              ticket: https://tracker.example.com/ML-7
              expires: 2999-12-31
          """);

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.skipped(3).failed(0));
      tests.skipped().assertThatEvents().haveExactly(1, event(test("example:e1"),
          org.junit.platform.testkit.engine.EventConditions.skippedWithReason(
              r -> r.startsWith("waived by ana@example.com until 2999-12-31") && r.contains("e1 is mislabelled"))));
      tests.succeeded().assertThatEvents().haveExactly(1, event(test("verdict:gate")));
    }

    @Test
    void theVerdictIsATestThatFailsWhenTheGateBlocksNamingEveryReason() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6");

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.failed().assertThatEvents().haveExactly(1, event(test("verdict:gate"),
          finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.startsWith("gate verdict: BLOCK, 3 reasons: ")
              && m.contains("max-negative-flip-rate on all") && m.contains("max-negative-flip-rate on group-a")
              && m.contains("critical-examples on e1")))));
    }

    @Test
    void eachAdversarialExampleOnlyTheCandidateFailsIsADynamicFailingTest() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1~nudge,cat,0.8,0.2", "e1~nudge,dog,0.3,0.7");

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.dynamicallyRegistered().assertThatEvents().haveExactly(1, event(test("example:e1~nudge")));
      tests.failed().assertThatEvents().haveExactly(1, event(test("example:e1~nudge"),
          finishedWithFailure(instanceOf(AssertionFailedError.class),
              message(m -> m.contains("candidate fails adversarial example e1~nudge")))));
    }

    @Test
    void anAdversarialFailureThePolicyToleratesIsAbortedNotFailed() {
      tiny.policy = tiny.policy.replace("perturbations: [\"*\"], max: 0", "perturbations: [\"*\"], max: 1");
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e1~nudge,cat,0.8,0.2", "e1~nudge,dog,0.3,0.7");

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.aborted().assertThatEvents().haveExactly(1, event(test("example:e1~nudge"),
          org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(m -> m.contains("tolerated")))));
      tests.assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void aModelFaultIsAnErrorOnEveryTestNotAnAssertion() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e3,cat,0.7,0.3\n", "");

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.failed(6).succeeded(0));
      tests.failed().assertThatEvents().allMatch(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
          .filter(ModelFailureException.class::isInstance).isPresent());
    }

    @Test
    void aSuiteThatCannotBeReadIsOneBrokenTest() {
      Events all = engine(selectClass(BrokenSuiteFixture.class)).execute().allEvents();

      all.failed().assertThatEvents().haveExactly(1,
          event(finishedWithFailure(instanceOf(ConfigurationException.class), message(m -> m.contains("no-such-suite.yaml")))));
    }

    @Test
    void anUnderpoweredCheckIsAbortedWithTheReasonNeverPassed() {
      tiny.policy = """
          policy:
            rules:
              - { rule: max-negative-flip-rate, slices: [all], max: 0.2 }
          """;

      Events tests = engine(selectClass(TinySuiteFixture.class)).execute().testEvents();

      tests.assertStatistics(stats -> stats.aborted(1).succeeded(1));
      tests.aborted().assertThatEvents().haveExactly(1, event(test("slice:all"),
          org.junit.platform.testkit.engine.EventConditions.abortedWithReason(instanceOf(TestAbortedException.class),
              message(m -> m.startsWith("underpowered: with n = 4")))));
    }
  }

  @Nested
  class Configuration {
    @Test
    void aCandidateChosenByConfigurationParameterIsGated() {
      tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");

      engine(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.candidate", "new").execute()
          .testEvents().assertStatistics(stats -> stats.failed(4));
      engine(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.candidate", "unknown").execute()
          .testEvents().failed().assertThatEvents()
          .allMatch(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
              .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
              .filter(t -> t instanceof ConfigurationException && t.getMessage().contains("unknown candidate")).isPresent());
    }

    @Test
    void aRerunOfOneTestByItsUniqueIdRunsOnlyThatTest() {
      UniqueId sliceAll = UniqueId.forEngine(FlipgateTestEngine.ID)
          .append(SuiteDescriptor.SEGMENT, TinySuiteFixture.class.getName());
      tiny.writeTo(directory);
      TestDescriptor discovered = new FlipgateTestEngine().discover(
          org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(TinySuiteFixture.class)).configurationParameter("flipgate.baseDir", directory.toString())
              .build(), UniqueId.forEngine(FlipgateTestEngine.ID));
      UniqueId target = discovered.getDescendants().stream().filter(TestDescriptor::isTest)
          .filter(d -> d.getUniqueId().getLastSegment().getValue().equals("all")).findFirst().orElseThrow().getUniqueId();
      assertThat(target.hasPrefix(sliceAll)).isTrue();

      engine(selectUniqueId(target)).execute().testEvents().assertStatistics(stats -> stats.started(1).finished(1));
    }
  }
}
