package dev.flipgate.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Where a gate's examples are compared when they are not compared in this process: an engine on
 * a cluster (Spark). Found by name through {@link java.util.ServiceLoader}, so the command line
 * and the core never depend on it. An engine runs the same suite to the same {@link RunResult}
 * the local {@link GateRunner} would, or fails with a located message: never a different verdict.
 */
public interface GateEngine {

  /** The name {@code --engine} takes, e.g. {@code spark}. */
  String name();

  RunResult run(Request request);

  /**
   * @param options engine settings by name (for Spark: {@code master} and any {@code spark.*} setting)
   */
  record Request(Path suiteFile, Optional<String> candidate, String runId, Clock clock, ProgressListener progress,
      Map<String, String> options) {
    public Request {
      options = Map.copyOf(options);
    }
  }
}
