package dev.flipgate.cli;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.model.kserve.CommonPoolParallelism;
import dev.flipgate.provenance.HarnessVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flipgate} command line. */
@Command(
    name = "flipgate",
    mixinStandardHelpOptions = true,
    versionProvider = FlipgateMain.Version.class,
    description = "Gates a candidate model against the deployed one, example by example, on curated golden sets.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROMOTE", "1:BLOCK", "2:bad usage or configuration", "3:runtime failure (a model or endpoint failed)"})
public final class FlipgateMain implements Runnable {
  static {
    // Before anything touches the common pool, which the KServe adapter's HTTP client relies on.
    CommonPoolParallelism.atLeastTwo();
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } catch (Throwable e) {
      // An Error (out of memory, a class missing from a broken install) must not exit with 1, which means BLOCK.
      System.err.println("error: unexpected failure; no verdict was reached");
      e.printStackTrace();
      code = ExitCode.RUNTIME_FAILURE;
    }
    System.exit(code);
  }

  /** Every subcommand by name, in the order help lists them. */
  private static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    var commands = new java.util.LinkedHashMap<String, Class<?>>();
    for (Class<?> command : java.util.List.of(GateCommand.class, CompareCommand.class, AnnotateCommand.class,
        HistoryCommand.class, LockCommand.class, PromoteCommand.class, RecordCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class)) {
      commands.put(command.getAnnotation(Command.class).name(), command);
    }
    return java.util.Collections.unmodifiableMap(commands);
  }

  /** Runs the CLI with the given streams and returns its exit code; tests call this directly. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    var commandLine = new CommandLine(new FlipgateMain());
    // Only the command asked for is built: picocli reads every registered command's options by
    // reflection, and the others would cost every run a third of a second. Help, a mistyped or a
    // missing command see them all.
    Class<?> asked = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
    for (Class<?> command : asked == null ? COMMANDS.values() : java.util.List.<Class<?>>of(asked)) {
      commandLine.addSubcommand(command);
    }
    commandLine
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(FlipgateMain::exitCodeOf)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof ConfigurationException || e instanceof ModelFailureException) {
            cmd.getErr().println("error: " + e.getMessage());
          } else {
            cmd.getErr().println("error: unexpected failure; no verdict was reached");
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return exitCodeOf(e);
        });
    return commandLine.execute(args);
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof CommandLine.ParameterException || e instanceof ConfigurationException) {
      return ExitCode.USAGE_OR_CONFIGURATION;
    }
    return ExitCode.RUNTIME_FAILURE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try 'flipgate gate golden-sets/mnist/suite.yaml' or 'flipgate --help'");
  }

  /** Reports the harness version the build stamped. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flipgate " + HarnessVersion.current()};
    }
  }
}
