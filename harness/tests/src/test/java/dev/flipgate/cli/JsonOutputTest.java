package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.declaration.DeclarationSchema;
import dev.flipgate.declaration.LocatedYaml;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate --json}: stdout is result.json itself, for a pipeline to parse; the exit code is still the verdict's. */
class JsonOutputTest {
  @TempDir Path directory;

  @Test
  void stdoutIsTheResultDocumentAndNothingElse() throws IOException {
    var tiny = new TinyGoldenSet();
    tiny.candidatePredictions = tiny.deployedPredictions.replace("e2,dog,0.2,0.8", "e2,cat,0.6,0.4");
    Path suite = tiny.writeTo(directory);

    CliRun run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--json", "--no-ledger");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(Files.readString(directory.resolve("out/result.json")));
    assertThat(new ObjectMapper().readTree(run.out()).path("verdict").asText()).isEqualTo("BLOCK");
    assertThat(DeclarationSchema.RESULT.breaks(LocatedYaml.read(run.out(), new ObjectMapper())))
        .as("result.json keeps to the published schemas/result.schema.json").isEmpty();
  }
}
