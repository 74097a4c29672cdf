package dev.flipgate.testing;

import dev.flipgate.cli.FlipgateMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run of the CLI, in-process: its exit code and everything it printed. A {@code gate} run
 * gets a prediction cache of its own, emptied afterwards, unless the test names one
 * ({@code --cache-dir}) or none ({@code --no-cache}): each test then asks its models as a first
 * run on a clean machine would, whatever ran before it in this build or an earlier one.
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    List<String> given = Arrays.asList(args);
    if (given.isEmpty() || !given.get(0).equals("gate") || given.contains("--no-cache") || given.contains("--cache-dir")) {
      return execute(args);
    }
    Path cache;
    try {
      cache = Files.createTempDirectory("flipgate-test-cache");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return execute(Stream.concat(given.stream(), Stream.of("--cache-dir", cache.toString())).toArray(String[]::new));
    } finally {
      delete(cache);
    }
  }

  private static CliRun execute(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = FlipgateMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty the test's prediction cache " + directory, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
