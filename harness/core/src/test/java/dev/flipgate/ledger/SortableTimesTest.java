package dev.flipgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger orders runs and promotions by their times as text, so it keeps times in a form whose
 * text sorts as the time does; a ledger written by an earlier version, with {@link Instant#toString}
 * times, is rewritten in that form when it is opened.
 */
class SortableTimesTest {
  @TempDir Path directory;

  @Test
  void theLedgersTimesSortAsTextWhereInstantToStringDoesNot() {
    Instant whole = Instant.parse("2026-11-30T10:00:00Z");
    Instant later = whole.plusMillis(500);
    assertThat(later.toString()).as("the trap: the later instant's text sorts first").isLessThan(whole.toString());

    assertThat(LedgerTime.sortable(whole.toString())).isEqualTo("2026-11-30T10:00:00.000000000Z")
        .isLessThan(LedgerTime.sortable(later.toString()));
    assertThat(LedgerTime.sortable("2026-11-30T10:00:00.123Z")).isLessThan(LedgerTime.sortable("2026-11-30T10:00:00.12345Z"));
    assertThat(Instant.parse(LedgerTime.sortable(later.toString()))).isEqualTo(later);
  }

  @Test
  void aLedgerOfAnEarlierVersionIsRewrittenSoItsHistoryIsInTimeOrder() throws SQLException {
    String url = "jdbc:sqlite:" + directory.resolve("ledger.sqlite");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/ledger").table("flipgate_schema_history")
        .target("3").load().migrate();
    try (Connection connection = DriverManager.getConnection(url); Statement insert = connection.createStatement()) {
      insert.executeUpdate(run("run-a", "2026-11-30T10:00:00Z"));
      insert.executeUpdate(run("run-b", "2026-11-30T10:00:00.500Z"));
      insert.executeUpdate(run("run-c", "2026-11-30T10:00:00.250Z"));
      insert.executeUpdate("INSERT INTO promotion (run_id, suite, promoted_at, promoted_by, recording)"
          + " VALUES ('run-a', 'suite', '2026-11-30T10:05:00Z', 'me', '')");
    }

    Ledger ledger = Ledger.open(LedgerLocation.of(directory.resolve("ledger.sqlite").toString()));

    assertThat(ledger.runs("suite")).extracting(Ledger.RunSummary::runId).containsExactly("run-a", "run-c", "run-b");
    assertThat(ledger.runs("suite")).extracting(Ledger.RunSummary::startedAt)
        .containsExactly("2026-11-30T10:00:00.000000000Z", "2026-11-30T10:00:00.250000000Z", "2026-11-30T10:00:00.500000000Z");
    assertThat(ledger.promotionsSince("suite", "2026-11-30T10:04:59Z")).extracting(Ledger.Promotion::promotedAt)
        .containsExactly("2026-11-30T10:05:00.000000000Z");
  }

  private static String run(String runId, String startedAt) {
    return "INSERT INTO gate_run (run_id, suite, suite_sha256, golden_set_name, golden_set_version, golden_set_sha256,"
        + " deployed_name, deployed_kind, candidate_name, candidate_kind, verdict, started_at, finished_at,"
        + " harness_version, seed, negative_flips, positive_flips, ran_by, ran_where) VALUES ('" + runId + "', 'suite',"
        + " 'aa', 'set', '1', 'bb', 'old', 'predictions', 'new', 'predictions', 'PROMOTE', '" + startedAt + "', '"
        + startedAt + "', '0.1.0', 1, 0, 0, 'me', 'here')";
  }
}
