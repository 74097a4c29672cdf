package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void replacesTheWholeFileAndLeavesNoTemporaryFileBehind(@TempDir Path directory) throws IOException {
    Path target = directory.resolve("reports/run/result.json");
    AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

    AtomicFiles.write(target, "new content".getBytes(StandardCharsets.UTF_8));

    assertThat(target).hasContent("new content");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }
}
