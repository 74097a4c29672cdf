package dev.flipgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `flipgate promote RUN_ID`: only a PROMOTE run, once, and only while its golden set and its
 * candidate are still what the run judged. The promoted candidate's answers are recorded, and the
 * next gate can use them as its deployed model: the continuous loop.
 */
class PromoteTest {
  @TempDir Path directory;

  private String ledger() {
    return directory.resolve("ledger.sqlite").toString();
  }

  /** Gates the tiny golden set (the candidate answers as the deployed model does: PROMOTE) and returns the run id. */
  private String gate(Path suite, String out, int expectedExit) throws IOException {
    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve(out).toString(), "--quiet", "--ledger", ledger());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(expectedExit);
    return new ObjectMapper().readTree(directory.resolve(out + "/result.json").toFile()).path("provenance").path("runId").asText();
  }

  private CliRun promote(String runId) {
    return CliRun.of("promote", runId, "--ledger", ledger(), "--quiet");
  }

  private Path suite() {
    return new TinyGoldenSet().writeTo(directory.resolve("tiny"));
  }

  @Test
  void aPromoteRunIsPromotedItsAnswersRecordedAndTheNextGateRunsAgainstThem() throws IOException {
    Path suite = suite();
    String runId = gate(suite, "first", 0);

    CliRun promoted = promote(runId);

    assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
    Path recording = directory.resolve("tiny/recordings/new.recording.jsonl");
    assertThat(promoted.out()).contains("promoted " + runId, "deployed model: old → new", recording.toString());
    assertThat(Files.readAllLines(recording)).hasSize(1 + 5).anySatisfy(line -> assertThat(line).contains("\"e1~nudge\""));
    assertThat(Ledger.open(LedgerLocation.of(ledger())).runs("tiny")).singleElement()
        .satisfies(run -> assertThat(run.promoted()).isTrue());
    assertThat(CliRun.of("history", "tiny", "--ledger", ledger()).out()).containsPattern("PROMOTE +yes");

    Files.writeString(suite, Files.readString(suite).replace("deployed: { type: predictions, name: old, file: deployed.csv }",
        "deployed: { type: recorded, name: new, file: recordings/new.recording.jsonl }"));
    gate(suite, "second", 0);
  }

  @Test
  void aRunIsPromotedOnceOnly() throws IOException {
    String runId = gate(suite(), "first", 0);
    assertThat(promote(runId).exitCode()).isZero();

    CliRun again = promote(runId);

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains(runId, "promoted already");
  }

  /** Two candidates gated against the same deployed model: once one is promoted, the other was judged against a model gone. */
  @Test
  void aRunGatedBeforeAnotherPromotionCannotBePromoted() throws IOException {
    Path suite = suite();
    String earlier = gate(suite, "earlier", 0);
    String later = gate(suite, "later", 0);
    assertThat(promote(later).exitCode()).isZero();

    CliRun stale = promote(earlier);

    assertThat(stale.exitCode()).isEqualTo(2);
    assertThat(stale.err()).contains("run " + earlier, "the deployed model of record changed since the run", later);
  }

  @Test
  void aRunWhoseDeployedModelChangedSinceCannotBePromoted() throws IOException {
    var tiny = new TinyGoldenSet();
    Path suite = tiny.writeTo(directory.resolve("tiny"));
    String runId = gate(suite, "first", 0);
    tiny.deployedPredictions = tiny.deployedPredictions.replace("e4,dog,0.4,0.6", "e4,dog,0.3,0.7");
    tiny.writeTo(directory.resolve("tiny"));

    CliRun changed = promote(runId);

    assertThat(changed.exitCode()).isEqualTo(2);
    assertThat(changed.err()).contains("the suite's deployed model changed since the run", "sha256");
    assertThat(directory.resolve("tiny/recordings")).doesNotExist();
  }

  @Test
  void aBlockedRunCannotBePromoted() throws IOException {
    var tiny = new TinyGoldenSet();
    tiny.candidatePredictions = tiny.candidatePredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    String runId = gate(tiny.writeTo(directory.resolve("tiny")), "first", 1);

    CliRun refused = promote(runId);

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(runId, "did not pass", "a BLOCK with 1 reasons");
    assertThat(directory.resolve("tiny/recordings")).doesNotExist();
  }

  @Test
  void anUnknownRunIsRefusedNamingTheLedger() throws IOException {
    gate(suite(), "first", 0);

    CliRun refused = promote("20990101T000000Z-nothing");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("ledger.sqlite", "20990101T000000Z-nothing", "unknown run");
  }

  @Test
  void aCandidateChangedSinceTheRunIsRefusedAndNothingIsRecorded() throws IOException {
    Path suite = suite();
    String runId = gate(suite, "first", 0);
    Path candidate = suite.resolveSibling("candidate.csv");
    Files.writeString(candidate, Files.readString(candidate).replace("e4,dog,0.4,0.6", "e4,dog,0.3,0.7"));

    CliRun refused = promote(runId);

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("the candidate changed since the run");
    assertThat(directory.resolve("tiny/recordings/new.recording.jsonl")).doesNotExist();
    assertThat(Ledger.open(LedgerLocation.of(ledger())).run(runId).orElseThrow().promotedAt()).isEmpty();
  }

  @Test
  void aGoldenSetChangedSinceTheRunIsRefused() throws IOException {
    Path suite = suite();
    String runId = gate(suite, "first", 0);
    Path examples = suite.resolveSibling("examples.csv");
    Files.writeString(examples, Files.readString(examples).replace("e4,dog,b,,0.8,0.9", "e4,dog,b,hard,0.8,0.9"));

    CliRun refused = promote(runId);

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("the golden set changed since the run");
  }
}
