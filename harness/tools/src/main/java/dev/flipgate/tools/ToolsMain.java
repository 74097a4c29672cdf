package dev.flipgate.tools;

import dev.flipgate.curation.CurateBreastCancerCommand;
import dev.flipgate.curation.CurateMnistCommand;
import dev.flipgate.schemagen.WriteSchemasCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * This repository's build-time programs ({@code ./flipgate curate-mnist}, {@code curate-breast-cancer},
 * {@code write-schemas}). Kept out of the shipped CLI: users curate their own golden sets, these two
 * curators know only MNIST and the WDBC table, and the schemas ship as files.
 */
@Command(
    name = "flipgate-tools",
    mixinStandardHelpOptions = true,
    description = "Rebuilds the bundled golden sets from their raw files, and the published JSON Schemas from the code.",
    subcommands = {CurateMnistCommand.class, CurateBreastCancerCommand.class, dev.flipgate.curation.CurateSentimentCommand.class, WriteSchemasCommand.class,
        CommandLine.HelpCommand.class})
public final class ToolsMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ToolsMain()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: curate-mnist, curate-breast-cancer, curate-sentiment or write-schemas");
  }
}
