package dev.flipgate.declaration;

import dev.flipgate.failure.Problem;
import java.nio.file.Path;

/**
 * A whole-number setting of a declaration checked against the range it can sensibly take, with
 * its default. The upper bounds keep a typo from becoming an out-of-memory error or a run that
 * never ends (a million resamples, a batch of a billion examples): each is far above any useful
 * value, and a value above it is refused with the file, the key's line and the range.
 *
 * <pre>
 * int resamples = BoundedSetting.of(suiteFile, "evidence.resamples", declared, 1_000, 100, 100_000);
 * </pre>
 */
public final class BoundedSetting {
  /** Examples in one request or batch: more would hold a large golden set in one message. */
  public static final int MAX_BATCH = 4_096;
  /** Requests in flight at once. */
  public static final int MAX_CONCURRENCY = 256;
  /** A wait, in milliseconds: ten minutes. */
  public static final int MAX_MILLIS = 600_000;

  private BoundedSetting() {}

  /** {@code declared}, or {@code fallback} when it is absent; a configuration error outside [min, max]. */
  public static int of(Path file, String key, Integer declared, int fallback, int min, int max) {
    if (declared == null) {
      return fallback;
    }
    if (declared < min || declared > max) {
      String shortKey = key.substring(key.lastIndexOf('.') + 1);
      var problem = Problem.at(file);
      KeyLines.lineOf(file, shortKey).ifPresent(problem::line);
      throw problem.part(key).expected("a whole number from " + min + " to " + max).found(String.valueOf(declared))
          .whatToDo("fix " + key + (declared > max ? "; larger values cost memory or time without making the gate better" : ""))
          .configurationError("unusable " + shortKey);
    }
    return declared;
  }
}
