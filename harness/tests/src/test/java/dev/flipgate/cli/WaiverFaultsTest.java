package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A waivers file that cannot be trusted stops the run before any model runs, naming the file,
 * the line of the waiver and what is wrong: a waiver must never accept something by accident.
 */
class WaiverFaultsTest extends FailedClosedCorpus {
  private static final String ACCOUNTABLE = """
          owner: ana@example.com
          reason: e1 is mislabelled; relabelling under way
          ticket: https://tracker.example.com/ML-7
      """;

  private void waivers(String text) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("waivers.yaml"), text);
  }

  @Test
  void malformedYamlNamesTheFileAndLine() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: [all\n");

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml", "line", "invalid waivers file");
  }

  @Test
  void anUnknownKeyIsRefusedNotIgnored() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: all\n    expiry: 2030-01-01\n" + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 4", "'expiry'", "unknown key");
  }

  @Test
  void anUnknownRuleNamesTheWaiversLineAndTheSuitesRules() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: all\n    expires: 2030-01-01\n" + ACCOUNTABLE
        + "  - rule: max-flip-rate\n    slice: all\n    expires: 2030-01-01\n" + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 8", "unknown rule", "'max-flip-rate'", "[max-negative-flip-rate]");
  }

  @Test
  void aSliceTheRuleDoesNotJudgeIsRefused() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: group-a\n    expires: 2030-01-01\n" + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 2", "a slice the rule does not judge", "'group-a'", "judges: all");
  }

  @Test
  void anUnknownExampleIsRefused() throws IOException {
    waivers("waivers:\n  - examples: [e1, e9]\n    expires: 2030-01-01\n" + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 2", "unknown examples", "e9").doesNotContain("found:    e1");
  }

  @Test
  void aDateThatIsNotADateIsRefused() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: all\n    expires: 31/12/2030\n" + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 2", "not a date", "'31/12/2030'", "2026-12-31");
  }

  @Test
  void aWaiverWithoutAnOwnerIsRefused() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: all\n    expires: 2030-01-01\n"
        + ACCOUNTABLE.replace("    owner: ana@example.com\n", ""));

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 2", "lacks 'owner'");
  }

  @Test
  void aWaiverMustAcceptExactlyOneThing() throws IOException {
    waivers("waivers:\n  - rule: max-negative-flip-rate\n    slice: all\n    examples: [e1]\n    expires: 2030-01-01\n"
        + ACCOUNTABLE);

    assertThat(gate().exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("waivers.yaml, line 2", "must accept one thing");
  }
}
