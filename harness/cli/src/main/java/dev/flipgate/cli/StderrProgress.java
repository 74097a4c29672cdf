package dev.flipgate.cli;

import dev.flipgate.run.ProgressListener;
import java.io.PrintWriter;

/** Progress lines on stderr at every tenth of the way, readable in a CI log (no carriage returns). */
final class StderrProgress implements ProgressListener {
  private final PrintWriter err;
  private int lastTenth = -1;
  private String lastModel = "";

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void cached(String role, String model, int fromCache, int total, int corrupt) {
    err.printf("%s model %s: %d/%d answers from the prediction cache%s%n", role, model, fromCache, total,
        corrupt == 0 ? "" : ", " + corrupt + " corrupt cache lines skipped (their examples are asked again)");
    err.flush();
  }

  @Override
  public void staleCache(String role, String model, String exampleId) {
    err.printf("%s model %s: answered example %s otherwise than its prediction cache; the cache is set aside as stale and"
        + " every example is asked afresh%n", role, model, exampleId);
    err.flush();
  }

  @Override
  public void predicted(String role, String model, int done, int total) {
    int tenth = total == 0 ? 10 : (int) (10L * done / total);
    if (!model.equals(lastModel) || tenth != lastTenth) {
      if (!model.equals(lastModel) || tenth > lastTenth) {
        err.printf("%s model %s: %d/%d examples (%d%%)%n", role, model, done, total, total == 0 ? 100 : 100L * done / total);
        err.flush();
      }
      lastTenth = tenth;
      lastModel = model;
    }
  }
}
