package dev.flipgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.SentimentReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The JUnit engine on the sentiment suite (TF-IDF candidate): a text suite's CheckList failures
 * are tests like any adversarial example's, a template's named as a template (it has no source).
 */
class TextSuiteEngineTest {
  @TempDir Path reports;

  @Test
  void aTemplateFailureIsATestNamingItsTemplate() {
    SentimentReference.requireInstalled();
    var events = EngineTestKit.engine(new FlipgateTestEngine()).selectors(selectClass(SentimentTfidfFixture.class))
        .configurationParameter("flipgate.baseDir", RepositoryPaths.root().toString())
        .configurationParameter("flipgate.out", reports.toString()).execute().testEvents();

    List<String> failed = events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    assertThat(failed).contains("adversarial love-this on love-this#1", "adversarial typo on amazon-0003~typo");
    String message = events.failed().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals("adversarial love-this on love-this#1"))
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .findFirst().orElseThrow();
    assertThat(message).contains("candidate fails adversarial example love-this#1 (template love-this, expectation true-label)");
  }
}
