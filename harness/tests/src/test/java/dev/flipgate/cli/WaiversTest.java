package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers on the tiny golden set, whose candidate now answers dog for e1 (a critical cat of
 * group a): three reasons to block — the negative flip rate on all and on group-a, and the
 * critical example e1. A waiver in force accepts a reason (listed as waived everywhere, never
 * blocking); an expired one accepts nothing and says since when; one that matches nothing is stale.
 */
class WaiversTest {
  private static final String IN_FORCE = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
  private static final String ACCOUNTABLE = """
          owner: ana@example.com
          reason: e1 is mislabelled; relabelling under way
          ticket: https://tracker.example.com/ML-7
      """;

  @TempDir Path directory;
  private final TinyGoldenSet tiny = new TinyGoldenSet();
  private CliRun run;

  @BeforeEach
  void givenACandidateThatBreaksTheCriticalExampleE1() {
    tiny.policy = TinyGoldenSet.THREE_RULE_POLICY;
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e1,cat,0.9,0.1", "e1,dog,0.4,0.6");
  }

  private JsonNode gate(String waivers) throws IOException {
    Path suite = tiny.writeTo(directory);
    Files.writeString(directory.resolve("waivers.yaml"), waivers);
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet",
        "--ledger", directory.resolve("ledger.sqlite").toString());
    return new ObjectMapper().readTree(directory.resolve("out/result.json").toFile());
  }

  private static String waiver(String scope, String expires) {
    return "  - " + scope + "\n    expires: " + expires + "\n" + ACCOUNTABLE;
  }

  @Test
  void exampleIdsWaiveEveryReasonThatNamesOnlyThoseExamples() throws IOException {
    JsonNode result = gate("waivers:\n" + waiver("examples: [e1]", IN_FORCE));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(result.path("verdict").asText()).isEqualTo("PROMOTE");
    assertThat(result.path("reasons")).isEmpty();
    assertThat(result.path("waived")).hasSize(3);
    assertThat(result.at("/waived/0/waivers/0/status").asText()).isEqualTo("applied");
    assertThat(result.at("/waivers/0/status").asText()).isEqualTo("applied");
    assertThat(result.at("/waivers/0/reasonsMatched").asInt()).isEqualTo(3);
    assertThat(run.out()).contains("PROMOTE", "~ waived critical-examples", "waived by ana@example.com until " + IN_FORCE,
        "https://tracker.example.com/ML-7");
    assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("## Waived (3)", "ana@example.com");
    assertThat(Files.readString(directory.resolve("out/report.html"))).contains("id=\"waived\"", "ana@example.com");
  }

  @Test
  void aWaiverLimitedToOneRuleLeavesTheOtherRulesBlocking() throws IOException {
    JsonNode result = gate("waivers:\n" + waiver("examples: [e1]\n    rule: critical-examples", IN_FORCE));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.path("reasons")).extracting(r -> r.path("rule").asText())
        .containsExactly("max-negative-flip-rate", "max-negative-flip-rate");
    assertThat(result.path("waived")).extracting(r -> r.path("example").asText()).containsExactly("e1");
  }

  @Test
  void aRuleAndSliceWaiverAcceptsThatReasonOnly() throws IOException {
    JsonNode result = gate("waivers:\n" + waiver("rule: max-negative-flip-rate\n    slice: group-a", IN_FORCE));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.path("reasons")).hasSize(2);
    assertThat(result.path("waived")).extracting(r -> r.path("slice").asText()).containsExactly("group-a");
  }

  @Test
  void anExpiredWaiverBlocksAgainAndSaysSinceWhen() throws IOException {
    JsonNode result = gate("waivers:\n" + waiver("examples: [e1]", "2026-01-31"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(result.path("reasons")).hasSize(3);
    assertThat(result.path("waived")).isEmpty();
    assertThat(result.at("/reasons/0/waivers/0/status").asText()).isEqualTo("expired");
    assertThat(result.at("/reasons/0/waivers/0/note").asText()).contains("expired on 2026-01-31", "days ago");
    assertThat(run.out()).contains("BLOCK", "waiver by ana@example.com expired on 2026-01-31");
    assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("expired on 2026-01-31");
  }

  @Test
  void theExpiryDayItselfStillHolds() throws IOException {
    gate("waivers:\n" + waiver("examples: [e1]", LocalDate.now(ZoneOffset.UTC).toString()));

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void aWaiverThatMatchesNoReasonIsReportedStale() throws IOException {
    tiny.candidatePredictions = tiny.deployedPredictions;
    JsonNode result = gate("waivers:\n" + waiver("examples: [e1]", IN_FORCE));

    assertThat(run.exitCode()).isZero();
    assertThat(result.at("/waivers/0/status").asText()).isEqualTo("stale");
    assertThat(run.out()).contains("stale waiver waivers.yaml:2", "remove it");
    assertThat(Files.readString(directory.resolve("out/summary.md"))).contains("## Stale waivers (1)");
  }

  @Test
  void theLedgerKeepsWaivedReasonsApartAndPromoteRefusesOnceAWaiverExpired() throws Exception {
    gate("waivers:\n" + waiver("examples: [e1]", IN_FORCE));
    String runId = new ObjectMapper().readTree(directory.resolve("out/result.json").toFile()).at("/provenance/runId").asText();
    var ledger = dev.flipgate.ledger.Ledger.open(dev.flipgate.ledger.LedgerLocation.of(directory.resolve("ledger.sqlite").toString()));
    assertThat(ledger.runs("tiny").get(0).reasons()).isZero();
    assertThat(ledger.runs("tiny").get(0).waived()).isEqualTo(3);
    assertThat(ledger.appliedWaivers(runId)).singleElement().satisfies(w -> assertThat(w.expires()).isEqualTo(IN_FORCE));

    // The waiver's end comes before the promotion: the run no longer holds.
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("ledger.sqlite"));
        var statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE gate_waiver SET expires = '2026-01-31'");
    }
    var promote = CliRun.of("promote", runId, "--ledger", directory.resolve("ledger.sqlite").toString(), "--quiet");
    assertThat(promote.exitCode()).isEqualTo(2);
    assertThat(promote.err()).contains("a waiver the run relied on has expired", "waivers.yaml:2", "2026-01-31");
  }
}
