package dev.flipgate.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine a model runs on in-process, as far as it can change the model's answers: the CPU
 * (int8 kernels differ by instruction set: VNNI, AVX-512, AVX2 round differently) and its
 * architecture. Part of an in-process model's {@link AnswerKey}, so answers cached on one CPU are
 * not reused on another — a prediction cache restored into CI from another runner misses
 * rather than replays another machine's answers.
 */
public final class ExecutionPlatform {
  private static final String DESCRIPTION = System.getProperty("os.arch") + ", " + cpuModel();

  private ExecutionPlatform() {}

  public static String describe() {
    return DESCRIPTION;
  }

  /** The CPU's model and its instruction-set flags where the OS says (Linux); else "unknown CPU". */
  private static String cpuModel() {
    Path cpuInfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuInfo)) {
      return "unknown CPU";
    }
    try (Stream<String> lines = Files.lines(cpuInfo)) {
      var fields = lines.takeWhile(line -> !line.isBlank())
          .filter(line -> line.startsWith("model name") || line.startsWith("flags"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip()).toList();
      return fields.isEmpty() ? "unknown CPU" : String.join("; ", fields);
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unknown CPU";
    }
  }
}
