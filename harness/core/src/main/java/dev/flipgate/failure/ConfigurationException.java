package dev.flipgate.failure;

/** A suite, golden set or model declaration that cannot be used as given (CLI exit code 2). */
public final class ConfigurationException extends FlipgateException {

  public ConfigurationException(Problem problem) {
    this(problem, null);
  }

  public ConfigurationException(Problem problem, Throwable cause) {
    super(problem.render(), cause);
  }
}
