package dev.flipgate.run;

/** Told as a model works through the examples, so a long run shows it is alive. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener SILENT = (role, model, done, total) -> { };

  void predicted(String role, String model, int done, int total);

  /** How many of a model's answers came from the prediction cache, and how many cache lines were corrupt. */
  default void cached(String role, String model, int fromCache, int total, int corrupt) {}

  /** The model answered {@code exampleId} otherwise than its cache: the cache was discarded and every example is asked afresh. */
  default void staleCache(String role, String model, String exampleId) {}
}
