package dev.flipgate.model;

import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What an adapter needs to know of the run it serves: the declaring suite file (paths are
 * relative to it), the golden set's classes and input layout, and every example id it will be
 * asked about (so a predictions file can be checked for completeness up front), and the golden
 * set's sha256 (so a recording made against another version is refused).
 */
public record ModelContext(
    Path suiteFile, Task task, List<String> classes, List<String> inputColumns, InputLayout inputLayout,
    Set<String> exampleIds, String goldenSetSha256) {

  /** The example ids, numbered by row, for adapters that join answers to examples. */
  public ExampleIndex exampleIndex() {
    return (ExampleIndex) exampleIds;
  }

  /** A context for adapters that do not check which golden set they serve. */
  public ModelContext(Path suiteFile, Task task, List<String> classes, List<String> inputColumns, InputLayout inputLayout,
      Set<String> exampleIds) {
    this(suiteFile, task, classes, inputColumns, inputLayout, exampleIds, "");
  }

  public ModelContext {
    classes = List.copyOf(classes);
    inputColumns = List.copyOf(inputColumns);
    exampleIds = ExampleIndex.of(exampleIds);
  }
}
