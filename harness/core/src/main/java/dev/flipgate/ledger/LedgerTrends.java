package dev.flipgate.ledger;

import dev.flipgate.report.result.ResultDocument;
import dev.flipgate.report.result.TrendSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's trend, read from the ledger: the suite's last promotions on the same golden set (same
 * sha256: other versions judged other examples), each promoted candidate's headline metric per
 * slice, and the examples that keep flipping. Nothing when the suite has no promotion there yet.
 */
final class LedgerTrends implements TrendSource {
  /** The most churned examples a report lists; the rest are counted. */
  static final int CHURN_SHOWN = 200;

  private final Ledger ledger;
  private final int versions;

  LedgerTrends(Ledger ledger, int versions) {
    if (versions < 1) {
      throw new IllegalArgumentException("a trend shows at least one promotion");
    }
    this.ledger = ledger;
    this.versions = versions;
  }

  /** A promoted run: its candidate's (and the model it replaced's) metric per slice, and its flips. */
  private record Promoted(String runId, String candidate, String deployed, String promotedAt, long n, long negativeFlips,
      Map<String, Double> deployedMetric, Map<String, Double> candidateMetric, Map<String, String> flips) {}

  @Override
  public Optional<ResultDocument.Trend> trendOf(ResultDocument document, List<ResultDocument.Outcome> flips) {
    var provenance = document.provenance();
    String metric = document.task().equals("regression") ? "meanAbsoluteError" : "accuracy";
    List<Promoted> promoted;
    int elsewhere;
    try (Connection connection = ledger.connection()) {
      promoted = promoted(connection, provenance.suite(), provenance.goldenSet().sha256(), metric);
      elsewhere = promotionsElsewhere(connection, provenance.suite(), provenance.goldenSet().sha256());
    } catch (SQLException e) {
      throw ledger.unreachable(e);
    }
    if (promoted.isEmpty()) {
      return Optional.empty();
    }
    List<ResultDocument.TrendVersion> line = new ArrayList<>();
    Promoted first = promoted.get(0);
    line.add(new ResultDocument.TrendVersion(first.deployed(), "deployed", null, null, null));
    promoted.forEach(p -> line.add(new ResultDocument.TrendVersion(p.candidate(), "promoted", p.runId(), p.promotedAt(),
        p.n() == 0 ? null : (double) p.negativeFlips() / p.n())));
    ResultDocument.Slice all = document.slices().get(0);
    line.add(new ResultDocument.TrendVersion(provenance.models().candidate().name(), "candidate", provenance.runId(),
        provenance.startedAt(), all.nfr()));

    List<ResultDocument.TrendSlice> slices = new ArrayList<>();
    for (ResultDocument.Slice slice : document.slices()) {
      List<Double> values = new ArrayList<>();
      values.add(first.deployedMetric().get(slice.name()));
      promoted.forEach(p -> values.add(p.candidateMetric().get(slice.name())));
      values.add(slice.candidate().get(metric));
      slices.add(new ResultDocument.TrendSlice(slice.name(), values));
    }
    List<Map<String, String>> flipsByVersion = new ArrayList<>();
    promoted.forEach(p -> flipsByVersion.add(p.flips()));
    Map<String, String> thisRun = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (ResultDocument.Outcome flip : flips) {
      thisRun.put(flip.id(), flip.kind());
      labels.put(flip.id(), flip.label());
    }
    flipsByVersion.add(thisRun);
    List<ResultDocument.Churned> churned = churn(flipsByVersion, labels);
    return Optional.of(new ResultDocument.Trend(metric, provenance.goldenSet().version(), elsewhere, line, slices,
        churned.subList(0, Math.min(CHURN_SHOWN, churned.size())), Math.max(0, churned.size() - CHURN_SHOWN)));
  }

  /**
   * The suite's promotion line on the golden set of its latest promotion: the model the oldest
   * shown promotion replaced, then each promoted candidate, with the headline metric per slice
   * (in the order the latest promotion has them) and the negative flip rate on the first slice.
   */
  Optional<PromotionLine> line(String suite, String metric) {
    try (Connection connection = ledger.connection()) {
      String sha256;
      try (PreparedStatement select = connection.prepareStatement("SELECT r.golden_set_sha256 FROM gate_run r JOIN promotion p"
          + " ON p.run_id = r.run_id WHERE r.suite = ? ORDER BY p.promoted_at DESC, r.run_id DESC")) {
        select.setString(1, suite);
        select.setMaxRows(1);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          sha256 = rows.getString(1);
        }
      }
      List<Promoted> promoted = promoted(connection, suite, sha256, metric);
      Promoted first = promoted.get(0);
      Promoted last = promoted.get(promoted.size() - 1);
      List<String> models = new ArrayList<>(List.of(first.deployed()));
      List<String> runIds = new ArrayList<>(java.util.Collections.singletonList((String) null));
      List<Double> nfr = new ArrayList<>(java.util.Collections.singletonList((Double) null));
      promoted.forEach(p -> {
        models.add(p.candidate());
        runIds.add(p.runId());
        nfr.add(p.n() == 0 ? null : (double) p.negativeFlips() / p.n());
      });
      Map<String, List<Double>> slices = new LinkedHashMap<>();
      for (String slice : last.candidateMetric().keySet()) {
        List<Double> values = new ArrayList<>();
        values.add(first.deployedMetric().get(slice));
        promoted.forEach(p -> values.add(p.candidateMetric().get(slice)));
        slices.put(slice, values);
      }
      return Optional.of(new PromotionLine(models, runIds, nfr, slices,
          promotionsElsewhere(connection, suite, sha256)));
    } catch (SQLException e) {
      throw ledger.unreachable(e);
    }
  }

  /** Examples that flipped in two or more versions, most flips first; kinds aligned with the line (the first model has none). */
  private static List<ResultDocument.Churned> churn(List<Map<String, String>> flipsByVersion, Map<String, String> labels) {
    Map<String, Integer> count = new HashMap<>();
    flipsByVersion.forEach(flips -> flips.keySet().forEach(id -> count.merge(id, 1, Integer::sum)));
    List<ResultDocument.Churned> churned = new ArrayList<>();
    count.forEach((id, flips) -> {
      if (flips >= 2) {
        List<String> kinds = new ArrayList<>();
        kinds.add(null);
        flipsByVersion.forEach(version -> kinds.add(version.get(id)));
        churned.add(new ResultDocument.Churned(id, labels.get(id), flips, kinds));
      }
    });
    churned.sort(Comparator.comparingInt(ResultDocument.Churned::flips).reversed().thenComparing(ResultDocument.Churned::id));
    return churned;
  }

  private List<Promoted> promoted(Connection connection, String suite, String goldenSetSha256, String metric)
      throws SQLException {
    String query = "SELECT r.run_id, r.candidate_name, r.deployed_name, p.promoted_at, s.n, s.negative_flips"
        + " FROM gate_run r JOIN promotion p ON p.run_id = r.run_id"
        + " LEFT JOIN gate_slice s ON s.run_id = r.run_id AND s.position = 0"
        + " WHERE r.suite = ? AND r.golden_set_sha256 = ? ORDER BY p.promoted_at DESC, r.run_id DESC";
    List<Promoted> runs = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, suite);
      select.setString(2, goldenSetSha256);
      select.setMaxRows(versions);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String runId = rows.getString(1);
          runs.add(new Promoted(runId, rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
              rows.getLong(6), new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>()));
        }
      }
    }
    java.util.Collections.reverse(runs);
    for (Promoted run : runs) {
      metrics(connection, run, metric);
      run.flips().putAll(ledger.flips(run.runId()));
    }
    return runs;
  }

  private static void metrics(Connection connection, Promoted run, String metric) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT m.slice, m.deployed, m.candidate FROM slice_metric m JOIN gate_slice s ON s.run_id = m.run_id"
            + " AND s.slice = m.slice WHERE m.run_id = ? AND m.metric = ? ORDER BY s.position")) {
      select.setString(1, run.runId());
      select.setString(2, metric);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          double deployed = rows.getDouble(2);
          if (!rows.wasNull()) {
            run.deployedMetric().put(rows.getString(1), deployed);
          }
          double candidate = rows.getDouble(3);
          if (!rows.wasNull()) {
            run.candidateMetric().put(rows.getString(1), candidate);
          }
        }
      }
    }
  }

  private static int promotionsElsewhere(Connection connection, String suite, String goldenSetSha256) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM gate_run r JOIN promotion p"
        + " ON p.run_id = r.run_id WHERE r.suite = ? AND r.golden_set_sha256 <> ?")) {
      select.setString(1, suite);
      select.setString(2, goldenSetSha256);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
