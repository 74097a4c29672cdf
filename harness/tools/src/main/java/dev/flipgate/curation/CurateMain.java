package dev.flipgate.curation;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The curation programs that build this repository's bundled golden sets from their raw public files
 * ({@code ./flipgate curate-mnist}, {@code ./flipgate curate-breast-cancer}). Kept out of the shipped
 * CLI: users curate their own golden sets, and these two know only MNIST and the WDBC table.
 */
@Command(
    name = "flipgate-tools",
    mixinStandardHelpOptions = true,
    description = "Rebuilds the bundled golden sets from their raw files.",
    subcommands = {CurateMnistCommand.class, CurateBreastCancerCommand.class, CommandLine.HelpCommand.class})
public final class CurateMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CurateMain()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: curate-mnist or curate-breast-cancer");
  }
}
