package dev.flipgate.ledger;

import dev.flipgate.report.result.ResultDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ledger keeps of one gate run: its result document (provenance, verdict, reasons, each
 * slice's metrics and intervals), every flipped example, and who ran it where.
 *
 * @param flips every flip of the run (result.json may list only some; flips.csv.gz has them all)
 * @param suiteFile the suite file gated, as an absolute path
 * @param ranBy the user the run ran as
 * @param ranWhere the CI job, as its environment names it, or "local"
 */
public record GateRunRecord(ResultDocument result, List<ResultDocument.Outcome> flips, String suiteFile, String ranBy,
    String ranWhere) {

  /** CI variables that name a job, in the order they are looked for. */
  private static final List<String> CI_VARIABLES = List.of(
      "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_SHA", "CI_PROJECT_PATH", "CI_JOB_ID", "CI_COMMIT_SHA",
      "BUILD_URL", "BUILD_NUMBER", "GIT_COMMIT");

  /** A run as recorded from this process: the user from the JVM, the job from CI variables when present. */
  public static GateRunRecord of(ResultDocument result, List<ResultDocument.Outcome> flips, java.nio.file.Path suiteFile,
      Map<String, String> environment) {
    Map<String, String> job = new TreeMap<>();
    CI_VARIABLES.forEach(name -> {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        job.put(name, value);
      }
    });
    String where = job.isEmpty() ? "local" : job.toString();
    return new GateRunRecord(result, flips, suiteFile.toAbsolutePath().normalize().toString(),
        System.getProperty("user.name", "unknown"),
        where.length() > 2000 ? where.substring(0, 2000) : where);
  }
}
