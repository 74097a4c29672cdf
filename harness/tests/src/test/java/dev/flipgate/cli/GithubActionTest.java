package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.RepositoryPaths;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script (ci/github/flipgate-gate.sh, which action.yml runs), run as a job
 * would run it: with GITHUB_STEP_SUMMARY pointing at a file, against the tiny golden set whose
 * candidate breaks the critical example e1.
 */
class GithubActionTest {
  @TempDir Path directory;

  private record Step(int exitCode, List<String> out) {}

  private Step runTheAction(String candidatePredictions, Path summary) throws IOException, InterruptedException {
    var tiny = new TinyGoldenSet();
    tiny.policy = TinyGoldenSet.THREE_RULE_POLICY;
    tiny.candidatePredictions = candidatePredictions;
    Path suite = tiny.writeTo(directory.resolve("set"));
    var process = new ProcessBuilder("bash", RepositoryPaths.root().resolve("ci/github/flipgate-gate.sh").toString())
        .directory(directory.toFile()).redirectErrorStream(false);
    process.environment().put("FLIPGATE_SUITE", suite.toString());
    process.environment().put("FLIPGATE_OUT", directory.resolve("out").toString());
    process.environment().put("FLIPGATE_COMMAND", Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
        + System.getProperty("java.class.path") + " dev.flipgate.cli.FlipgateMain");
    process.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
    Process started = process.start();
    String out = new String(started.getInputStream().readAllBytes());
    started.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Step(started.exitValue(), out.lines().toList());
  }

  @Test
  void aBlockWritesTheJobSummaryAnErrorAnnotationPerReasonAndFailsTheStep() throws Exception {
    Path summary = directory.resolve("step-summary.md");
    Files.writeString(summary, "earlier step\n");

    Step step = runTheAction(new TinyGoldenSet().deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6"), summary);

    assertThat(step.exitCode()).isEqualTo(1);
    JsonNode result = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
    String suite = GithubCommands.property(directory.resolve("set/suite.yaml").toString());
    List<String> errors = step.out().stream().filter(line -> line.startsWith("::error ")).toList();
    assertThat(errors).hasSize(result.path("reasons").size()).hasSize(3);
    for (int i = 0; i < errors.size(); i++) {
      JsonNode reason = result.path("reasons").get(i);
      assertThat(errors.get(i)).isEqualTo("::error file=" + suite + ",title=" + reason.path("rule").asText() + "::"
          + GithubCommands.data(reason.path("message").asText()));
    }
    assertThat(Files.readString(summary)).startsWith("earlier step\n")
        .contains(Files.readString(directory.resolve("out/summary.md")));
  }

  @Test
  void aPromoteAnnotatesNothingAndPasses() throws Exception {
    Path summary = directory.resolve("step-summary.md");

    Step step = runTheAction(new TinyGoldenSet().deployedPredictions, summary);

    assertThat(step.exitCode()).isZero();
    assertThat(step.out()).noneMatch(line -> line.startsWith("::error"));
    assertThat(Files.readString(summary)).contains("PROMOTE");
  }

  @Test
  void workflowCommandsEscapeWhatWouldEndThem() {
    assertThat(GithubCommands.error("a,b:c.yaml", "rule", "50% of\nall"))
        .isEqualTo("::error file=a%2Cb%3Ac.yaml,title=rule::50%25 of%0Aall");
    assertThat(GithubCommands.warning("waivers.yaml", 7, "stale waiver", "remove it"))
        .isEqualTo("::warning file=waivers.yaml,line=7,title=stale waiver::remove it");
  }
}
