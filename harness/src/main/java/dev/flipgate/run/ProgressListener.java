package dev.flipgate.run;

/** Told as a model works through the examples, so a long run shows it is alive. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener SILENT = (role, model, done, total) -> { };

  void predicted(String role, String model, int done, int total);

  /** How many of a model's answers came from the prediction cache, and how many cache lines were corrupt. */
  default void cached(String role, String model, int fromCache, int total, int corrupt) {}
}
