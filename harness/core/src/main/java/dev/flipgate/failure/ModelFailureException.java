package dev.flipgate.failure;

/**
 * A model that could not answer for some examples: an inference error, a NaN, a predictions
 * file with missing or unknown ids (CLI exit code 3). The run fails closed: no verdict.
 */
public final class ModelFailureException extends FlipgateException {

  public ModelFailureException(Problem problem) {
    this(problem, null);
  }

  public ModelFailureException(Problem problem, Throwable cause) {
    super(problem.render(), cause);
  }
}
