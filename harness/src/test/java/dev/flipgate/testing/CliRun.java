package dev.flipgate.testing;

import dev.flipgate.cli.FlipgateMain;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the CLI, in-process: its exit code and everything it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = FlipgateMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
