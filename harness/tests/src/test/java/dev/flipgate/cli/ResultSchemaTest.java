package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.declaration.DeclarationSchema;
import dev.flipgate.declaration.LocatedYaml;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.MnistRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * result.json keeps to the published schema on the fullest run there is (MNIST: slices, adversarial
 * rows, generated perturbations, the one-pixel attack, latency), and a result.json edited by hand so it
 * no longer does is refused by the commands that read it, at the line of the break.
 */
class ResultSchemaTest {
  @TempDir Path directory;

  @Test
  void theMnistResultKeepsToThePublishedSchema() throws IOException {
    String result = Files.readString(MnistRun.cnnDirectory().resolve("result.json"));

    assertThat(DeclarationSchema.RESULT.breaks(LocatedYaml.read(result, new ObjectMapper()))).isEmpty();
  }

  @Test
  void aHandEditedResultIsRefusedWhereItBreaksTheSchema() throws IOException {
    String result = Files.readString(MnistRun.cnnDirectory().resolve("result.json"));
    assertThat(result).contains("\"verdict\" : \"BLOCK\"");
    Path edited = directory.resolve("run/result.json");
    Files.createDirectories(edited.getParent());
    Files.writeString(edited, result.replace("\"verdict\" : \"BLOCK\"", "\"verdict\" : \"BLOCK\",\n  \"approvedBy\" : \"me\""));

    CliRun run = CliRun.of("report", edited.getParent().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
    int line = result.substring(0, result.indexOf("\"verdict\" : \"BLOCK\"")).split("\n", -1).length + 1;
    assertThat(run.err()).contains("result.json, line " + line).contains("at approvedBy").contains("unknown key in the result.json");
  }
}
