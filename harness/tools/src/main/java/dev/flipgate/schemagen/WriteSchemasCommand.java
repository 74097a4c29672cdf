package dev.flipgate.schemagen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flipgate-tools write-schemas [DIR]}: regenerates the published JSON Schemas from the code. */
@Command(
    name = "write-schemas",
    mixinStandardHelpOptions = true,
    description = "Writes suite, manifest, waivers and result schemas, generated from the records the files are read"
        + " into, to DIR (default: schemas).")
public final class WriteSchemasCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Where to write the schemas.")
  Path directory = Path.of("schemas");

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(directory);
    for (var schema : PublishedSchemas.generate().entrySet()) {
      Files.writeString(directory.resolve(schema.getKey()), schema.getValue());
      spec.commandLine().getOut().println("wrote " + directory.resolve(schema.getKey()));
    }
    return 0;
  }
}
