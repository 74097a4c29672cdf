package dev.flipgate.cli;

/** The CLI's exit codes, the contract CI pipelines rely on. */
public final class ExitCode {
  public static final int PROMOTE = 0;
  public static final int BLOCK = 1;
  public static final int USAGE_OR_CONFIGURATION = 2;
  public static final int RUNTIME_FAILURE = 3;

  private ExitCode() {}
}
