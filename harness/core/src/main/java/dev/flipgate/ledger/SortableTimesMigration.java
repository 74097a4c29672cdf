package dev.flipgate.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 4 of the ledger's schema: rewrites the times earlier versions kept as {@link
 * java.time.Instant#toString} text (whose fraction digits vary) in the sortable form of {@link
 * LedgerTime}, so that history, trends and promotions order runs of the same second correctly.
 * In Java, not SQL: the same parsing on SQLite and PostgreSQL.
 */
final class SortableTimesMigration implements JavaMigration {
  @Override
  public org.flywaydb.core.api.MigrationVersion getVersion() {
    return org.flywaydb.core.api.MigrationVersion.fromVersion("4");
  }

  @Override
  public String getDescription() {
    return "sortable times";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    rewrite(connection, "gate_run", "started_at");
    rewrite(connection, "gate_run", "finished_at");
    rewrite(connection, "promotion", "promoted_at");
  }

  private static void rewrite(Connection connection, String table, String column) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT run_id, " + column + " FROM " + table);
        PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE run_id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        update.setString(1, LedgerTime.sortable(rows.getString(2)));
        update.setString(2, rows.getString(1));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
