package dev.flipgate.failure;

/**
 * A failure the user can act on. The two kinds map onto the CLI's exit codes: bad
 * configuration or input data (2) versus a model that failed at run time (3). Neither is
 * ever a regression: regressions are verdicts, not exceptions.
 */
public abstract sealed class FlipgateException extends RuntimeException
    permits ConfigurationException, ModelFailureException {

  protected FlipgateException(String message, Throwable cause) {
    super(message, cause);
  }
}
