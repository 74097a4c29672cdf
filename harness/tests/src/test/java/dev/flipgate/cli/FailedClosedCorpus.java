package dev.flipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.TinyGoldenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input and fault corpus: each test breaks one thing of the tiny golden set, its suite,
 * its models or its outputs, runs the real CLI, and says what the error must name. After each,
 * whatever the test: the exit code is 2 (configuration) or 3 (runtime failure), the run printed
 * no PROMOTE and no "unexpected failure", and no result.json anywhere under the test's
 * directory claims PROMOTE — so none of them can be read as a passed gate.
 */
abstract class FailedClosedCorpus {
  @TempDir Path directory;
  final TinyGoldenSet tiny = new TinyGoldenSet();
  CliRun run;

  CliRun gate(String... extraArguments) {
    Path suite = tiny.writeTo(directory);
    String[] base = {"gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet"};
    run = CliRun.of(Stream.concat(Stream.of(base), Stream.of(extraArguments)).toArray(String[]::new));
    return run;
  }

  /** The suite as the tiny golden set writes it, with one part replaced. */
  CliRun gateWithSuite(String replaced, String replacement) throws IOException {
    Path suite = tiny.writeTo(directory);
    String text = Files.readString(suite);
    assertThat(text).contains(replaced);
    Files.writeString(suite, text.replace(replaced, replacement));
    run = CliRun.of("gate", suite.toString(), "--out", directory.resolve("out").toString(), "--quiet");
    return run;
  }

  @AfterEach
  void failedClosed() throws IOException {
    assertThat(run).as("each test runs the gate").isNotNull();
    assertThat(run.exitCode()).as(run.toString()).isIn(2, 3);
    assertThat(run.out()).doesNotContain("PROMOTE");
    assertThat(run.err()).as(run.toString()).isNotBlank().doesNotContain("unexpected failure");
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals("result.json")).toList()) {
        assertThat(Files.readString(file)).as(file + " after a failed run").doesNotContain("\"PROMOTE\"");
      }
    }
  }
}
