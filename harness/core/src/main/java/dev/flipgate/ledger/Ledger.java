package dev.flipgate.ledger;

import dev.flipgate.failure.Problem;
import dev.flipgate.report.result.ResultDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The promotion ledger: every gate run with a verdict, kept in a database so later runs, the
 * history and reviewers can read it. SQLite (a file) by default; any database with a JDBC driver
 * on the classpath by URL. Its schema is migrated with Flyway when it is opened, and each run is
 * written in one transaction, so concurrent jobs writing to the same ledger lose nothing (SQLite
 * waits for the file's write lock instead of failing).
 */
public final class Ledger {
  /** How long an SQLite writer waits for another's transaction before it fails. */
  private static final int BUSY_TIMEOUT_MS = 60_000;
  /** Two jobs migrating a new ledger at once: the loser tries again and finds it migrated. */
  private static final int MIGRATION_TRIES = 5;

  private final LedgerLocation location;
  private final DataSource dataSource;

  private Ledger(LedgerLocation location, DataSource dataSource) {
    this.location = location;
    this.dataSource = dataSource;
  }

  /**
   * Opens (creating and migrating when needed) the ledger at {@code location}.
   *
   * @throws dev.flipgate.failure.ConfigurationException when no driver understands the URL (exit 2)
   * @throws dev.flipgate.failure.ModelFailureException when the database cannot be reached (exit 3)
   */
  public static Ledger open(LedgerLocation location) {
    DataSource dataSource = location.isSqlite() ? sqlite(location) : driverManager(location);
    Ledger ledger = new Ledger(location, dataSource);
    ledger.migrate();
    return ledger;
  }

  private static DataSource sqlite(LedgerLocation location) {
    try {
      Files.createDirectories(location.sqliteFile().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw Problem.at(location.sqliteFile()).whatToDo("name a ledger file in a writable directory (--ledger)")
          .modelFailure("cannot create the ledger's directory: " + e.getMessage());
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(location.jdbcUrl());
    return dataSource;
  }

  private static DataSource driverManager(LedgerLocation location) {
    try {
      DriverManager.getDriver(location.jdbcUrl());
    } catch (SQLException e) {
      throw Problem.at(location.shown()).expected("a JDBC URL of a database Flipgate has a driver for")
          .found("no driver for it").whatToDo("give a file path (an SQLite ledger) or a jdbc:postgresql:// URL")
          .configurationError("unknown ledger URL");
    }
    return new org.flywaydb.core.internal.jdbc.DriverDataSource(Ledger.class.getClassLoader(), null,
        location.jdbcUrl(), null, null);
  }

  private void migrate() {
    Flyway flyway = Flyway.configure(Ledger.class.getClassLoader()).dataSource(dataSource)
        .locations("classpath:db/ledger").javaMigrations(new SortableTimesMigration())
        .table("flipgate_schema_history").load();
    for (int attempt = 1; ; attempt++) {
      try {
        flyway.migrate();
        return;
      } catch (FlywayException e) {
        if (attempt == MIGRATION_TRIES) {
          throw unreachable(e);
        }
        sleep(100L * attempt);
      }
    }
  }

  /** A connection to the ledger, for the queries of this package. */
  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** The trend across the suite's last {@code versions} promotions, for a run's reports. */
  public dev.flipgate.report.result.TrendSource trends(int versions) {
    return new LedgerTrends(this, versions);
  }

  /** The suite's promotion line (see {@link PromotionLine}) by {@code metric}, if it has promotions. */
  public java.util.Optional<PromotionLine> promotionLine(String suite, String metric, int versions) {
    return new LedgerTrends(this, versions).line(suite, metric);
  }

  /** Writes one run, whole or not at all. */
  public void record(GateRunRecord run) {
    ResultDocument result = run.result();
    var provenance = result.provenance();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gate_run (run_id, suite, suite_sha256,"
            + " golden_set_name, golden_set_version, golden_set_sha256, deployed_name, deployed_kind, deployed_sha256,"
            + " candidate_name, candidate_kind, candidate_sha256, verdict, started_at, finished_at, harness_version, seed,"
            + " negative_flips, positive_flips, ran_by, ran_where, suite_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          var deployed = provenance.models().deployed();
          var candidate = provenance.models().candidate();
          Object[] values = {provenance.runId(), provenance.suite(), provenance.suiteSha256(),
              provenance.goldenSet().name(), provenance.goldenSet().version(), provenance.goldenSet().sha256(),
              deployed.name(), deployed.kind(), deployed.sha256(), candidate.name(), candidate.kind(), candidate.sha256(),
              result.verdict(), LedgerTime.sortable(provenance.startedAt()), LedgerTime.sortable(provenance.finishedAt()),
              provenance.harnessVersion(),
              provenance.seed(), result.flipCounts().negative(), result.flipCounts().positive(), run.ranBy(), run.ranWhere(),
              run.suiteFile()};
          for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
          }
          insert.executeUpdate();
        }
        insertReasons(connection, provenance.runId(), result.reasons(), result.waived());
        insertWaivers(connection, provenance.runId(), result.waivers());
        insertSlices(connection, provenance.runId(), result.slices());
        insertFlips(connection, provenance.runId(), run.flips());
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Problem.at(location.shown()).whatToDo("check the ledger is reachable and writable, then run again")
          .modelFailure("cannot record the run " + provenance.runId() + " in the ledger: " + rootMessage(e));
    }
  }

  /** The reasons to block, then the waived ones, in one list. */
  private static void insertReasons(Connection connection, String runId, List<ResultDocument.Reason> reasons,
      List<ResultDocument.Reason> waived) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gate_reason (run_id, position, rule, slice,"
        + " example, perturbation, message, waived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      List<ResultDocument.Reason> all = new ArrayList<>(reasons);
      all.addAll(waived);
      for (int i = 0; i < all.size(); i++) {
        var reason = all.get(i);
        insert.setString(1, runId);
        insert.setInt(2, i);
        insert.setString(3, reason.rule());
        insert.setString(4, reason.slice());
        insert.setString(5, reason.example());
        insert.setString(6, reason.perturbation());
        insert.setString(7, reason.message());
        insert.setInt(8, i < reasons.size() ? 0 : 1);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertWaivers(Connection connection, String runId, List<ResultDocument.WaiverEntry> waivers)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gate_waiver (run_id, position, status, file,"
        + " line, rule, slice, perturbation, examples, owner, reason, ticket, expires, reasons_matched)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < waivers.size(); i++) {
        var w = waivers.get(i);
        Object[] values = {runId, i, w.status(), w.file(), w.line(), w.rule(), w.slice(), w.perturbation(),
            w.examples().isEmpty() ? null : String.join(" ", w.examples()), w.owner(), w.reason(), w.ticket(),
            w.expires(), w.reasonsMatched()};
        for (int v = 0; v < values.length; v++) {
          insert.setObject(v + 1, values[v]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** A promotion of a suite: the run, when, and the candidate that became the deployed model of record. */
  public record Promotion(String runId, String promotedAt, String candidateName) {}

  /** The promotions of {@code suite} made after {@code instant} (an ISO instant, as the ledger keeps them). */
  public List<Promotion> promotionsSince(String suite, String instant) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
        "SELECT p.run_id, p.promoted_at, r.candidate_name FROM promotion p JOIN gate_run r ON r.run_id = p.run_id"
            + " WHERE p.suite = ? ORDER BY p.promoted_at")) {
      select.setString(1, suite);
      List<Promotion> promotions = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          // Compared as instants: ISO text with and without fractions does not sort as text.
          if (java.time.Instant.parse(rows.getString(2)).isAfter(java.time.Instant.parse(instant))) {
            promotions.add(new Promotion(rows.getString(1), rows.getString(2), rows.getString(3)));
          }
        }
      }
      return promotions;
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /** A waiver a run relied on (applied), as the ledger keeps it. */
  public record AppliedWaiver(String file, int line, String owner, String ticket, String expires) {}

  /** The waivers that accepted reasons of run {@code runId}. */
  public List<AppliedWaiver> appliedWaivers(String runId) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
        "SELECT file, line, owner, ticket, expires FROM gate_waiver WHERE run_id = ? AND status = 'applied'"
            + " ORDER BY position")) {
      select.setString(1, runId);
      List<AppliedWaiver> waivers = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          waivers.add(new AppliedWaiver(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
              rows.getString(5)));
        }
      }
      return waivers;
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private static void insertSlices(Connection connection, String runId, List<ResultDocument.Slice> slices) throws SQLException {
    try (PreparedStatement slice = connection.prepareStatement(
        "INSERT INTO gate_slice (run_id, slice, position, n, negative_flips, positive_flips) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement metric = connection.prepareStatement("INSERT INTO slice_metric (run_id, slice, metric, deployed,"
            + " candidate, delta, ci_low, ci_high, ci_method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int s = 0; s < slices.size(); s++) {
        var row = slices.get(s);
        slice.setString(1, runId);
        slice.setString(2, row.name());
        slice.setInt(3, s);
        slice.setLong(4, row.n());
        slice.setLong(5, row.negativeFlips());
        slice.setLong(6, row.positiveFlips());
        slice.addBatch();
        var metrics = new java.util.LinkedHashSet<String>();
        metrics.addAll(row.deployed().keySet());
        metrics.addAll(row.candidate().keySet());
        for (String name : metrics) {
          ResultDocument.Delta delta = row.deltas().get(name);
          metric.setString(1, runId);
          metric.setString(2, row.name());
          metric.setString(3, name);
          setDouble(metric, 4, row.deployed().get(name));
          setDouble(metric, 5, row.candidate().get(name));
          setDouble(metric, 6, delta == null ? null : delta.value());
          setDouble(metric, 7, delta == null || delta.ci() == null ? null : delta.ci().low());
          setDouble(metric, 8, delta == null || delta.ci() == null ? null : delta.ci().high());
          metric.setString(9, delta == null || delta.ci() == null ? null : delta.ci().method());
          metric.addBatch();
        }
      }
      slice.executeBatch();
      metric.executeBatch();
    }
  }

  private static void insertFlips(Connection connection, String runId, List<ResultDocument.Outcome> flips) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO flipped_example (run_id, example_id, kind) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (ResultDocument.Outcome flip : flips) {
        insert.setString(1, runId);
        insert.setString(2, flip.id());
        insert.setString(3, flip.kind());
        insert.addBatch();
        if (++pending == 10_000) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    }
  }

  private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
    if (value == null || !Double.isFinite(value)) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  /** One line of a suite's history: a recorded run, oldest first. */
  public record RunSummary(String runId, String startedAt, String goldenSetVersion, String deployed, String candidate,
      String verdict, Double deployedAccuracy, Double candidateAccuracy, long n, long negativeFlips, int reasons,
      int waived, boolean promoted) {}

  /** What promote needs to know of a run: what was judged, the verdict, and whether it was promoted already. */
  public record RunDetails(String runId, String suite, String suiteFile, String verdict, String goldenSetName,
      String goldenSetVersion, String goldenSetSha256, String deployedName, String deployedSha256, String candidateName,
      String candidateSha256, int reasons, java.util.Optional<String> promotedAt, String startedAt) {}

  /** The run {@code runId}, if the ledger has it. */
  public java.util.Optional<RunDetails> run(String runId) {
    String query = "SELECT r.run_id, r.suite, r.suite_file, r.verdict, r.golden_set_name, r.golden_set_version,"
        + " r.golden_set_sha256, r.deployed_name, r.deployed_sha256, r.candidate_name, r.candidate_sha256,"
        + " (SELECT COUNT(*) FROM gate_reason g WHERE g.run_id = r.run_id AND g.waived = 0), p.promoted_at, r.started_at"
        + " FROM gate_run r LEFT JOIN promotion p ON p.run_id = r.run_id WHERE r.run_id = ?";
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RunDetails(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
            rows.getString(9), rows.getString(10), rows.getString(11), rows.getInt(12),
            java.util.Optional.ofNullable(rows.getString(13)), rows.getString(14)));
      }
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /**
   * Marks the run promoted, with the recording of its candidate's answers.
   *
   * @return false when it was promoted already (by another job in the meantime)
   */
  public boolean promote(String runId, String suite, String promotedAt, String promotedBy, String recording) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement taken = connection.prepareStatement("SELECT 1 FROM promotion WHERE run_id = ?");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO promotion (run_id, suite, promoted_at, promoted_by, recording) VALUES (?, ?, ?, ?, ?)")) {
        taken.setString(1, runId);
        try (ResultSet rows = taken.executeQuery()) {
          if (rows.next()) {
            connection.rollback();
            return false;
          }
        }
        insert.setString(1, runId);
        insert.setString(2, suite);
        insert.setString(3, LedgerTime.sortable(promotedAt));
        insert.setString(4, promotedBy);
        insert.setString(5, recording);
        insert.executeUpdate();
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Problem.at(location.shown()).whatToDo("check the ledger is reachable and writable, then run again")
          .modelFailure("cannot record the promotion of " + runId + ": " + rootMessage(e));
    }
  }

  /** Every recorded run of the suite named {@code suite}, oldest first. */
  public List<RunSummary> runs(String suite) {
    String query = "SELECT r.run_id, r.started_at, r.golden_set_version, r.deployed_name, r.candidate_name, r.verdict,"
        + " m.deployed, m.candidate, s.n, s.negative_flips,"
        + " (SELECT COUNT(*) FROM gate_reason g WHERE g.run_id = r.run_id AND g.waived = 0),"
        + " (SELECT COUNT(*) FROM promotion p WHERE p.run_id = r.run_id),"
        + " (SELECT COUNT(*) FROM gate_reason g WHERE g.run_id = r.run_id AND g.waived = 1)"
        + " FROM gate_run r"
        + " LEFT JOIN gate_slice s ON s.run_id = r.run_id AND s.position = 0"
        + " LEFT JOIN slice_metric m ON m.run_id = r.run_id AND m.slice = s.slice AND m.metric = 'accuracy'"
        + " WHERE r.suite = ? ORDER BY r.started_at, r.run_id";
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, suite);
      List<RunSummary> runs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(new RunSummary(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
              rows.getString(5), rows.getString(6), doubleOrNull(rows, 7), doubleOrNull(rows, 8), rows.getLong(9),
              rows.getLong(10), rows.getInt(11), rows.getInt(13), rows.getInt(12) > 0));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /** Every flipped example id of a run, with its kind (negative or positive). */
  public Map<String, String> flips(String runId) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
        "SELECT example_id, kind FROM flipped_example WHERE run_id = ? ORDER BY example_id")) {
      select.setString(1, runId);
      Map<String, String> flips = new java.util.LinkedHashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          flips.put(rows.getString(1), rows.getString(2));
        }
      }
      return flips;
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private static Double doubleOrNull(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  dev.flipgate.failure.ModelFailureException unreachable(Exception e) {
    return Problem.at(location.shown()).whatToDo("check the ledger URL, that the database is up and that it accepts"
        + " this user, then run again").modelFailure("cannot use the ledger: " + rootMessage(e));
  }

  /** The first line of the innermost cause's message: what the driver said, without Flyway's report around it. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
