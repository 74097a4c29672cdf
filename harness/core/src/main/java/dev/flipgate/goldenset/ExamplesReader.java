package dev.flipgate.goldenset;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads the examples data file of a golden set, as its manifest declares it. */
final class ExamplesReader {
  private final String idColumn;
  private final String labelColumn;
  private final List<String> metadataColumns;
  private final String tagsColumn;
  private final InputColumns input;
  private final List<String> classes;
  private final Set<String> classSet;
  private final Task task;

  ExamplesReader(GoldenSetManifest.ExamplesDeclaration declaration, InputColumns input, List<String> classes, Task task) {
    this.task = task;
    this.idColumn = declaration.idColumn() == null ? "id" : declaration.idColumn();
    this.labelColumn = declaration.labelColumn() == null ? "label" : declaration.labelColumn();
    this.metadataColumns = declaration.metadata() == null ? List.of() : List.copyOf(declaration.metadata());
    this.tagsColumn = declaration.tagsColumn();
    this.input = input;
    this.classes = List.copyOf(classes);
    this.classSet = Set.copyOf(classes);
  }

  /** @param requireRows false for an excerpt of the examples, which may hold none */
  ExampleTable read(Path file, boolean requireRows) {
    if (input.names().isEmpty() && !task.isRegression()) {
      var plain = AsciiExamplesCsv.read(file, new AsciiExamplesCsv.Columns(idColumn, labelColumn, metadataColumns, tagsColumn),
          classSet, new InputTensor(new float[0], input.shape()));
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    return readText(file, requireRows);
  }

  /** Reads any data file the general way: CSV, JSON lines or Parquet, record by record as text. */
  ExampleTable readText(Path file, boolean requireRows) {
    var table = new ExampleTable.Builder(labelColumn, metadataColumns,
        input.names().isEmpty() ? new InputTensor(new float[0], input.shape()) : null);
    int[] at = new int[3];
    int[] metadataAt = new int[metadataColumns.size()];
    DataFileRows.forEach(file, header -> {
      at[0] = required(file, header, idColumn, "id");
      at[1] = required(file, header, labelColumn, "label");
      at[2] = tagsColumn == null ? -1 : required(file, header, tagsColumn, "tags");
      for (int i = 0; i < metadataAt.length; i++) {
        metadataAt[i] = required(file, header, metadataColumns.get(i), "metadata");
      }
      input.bind(file, header);
    }, row -> {
      String id = row.get(at[0]);
      if (id.isEmpty()) {
        throw row.problem().expected("a non-empty id in column '" + idColumn + "'").found("an empty id")
            .whatToDo("give every example a stable, unique id").configurationError("missing example id");
      }
      if (row.line() > Integer.MAX_VALUE) {
        throw row.problem().expected("a data file of at most " + Integer.MAX_VALUE + " lines").found("more")
            .whatToDo("split the golden set").configurationError("data file too long");
      }
      int earlier = table.addId(id);
      if (earlier >= 0) {
        throw row.problem().example(id).expected("unique example ids").found("the same id on " + row.positionName() + " " + table.lineOf(earlier))
            .whatToDo("give each example its own id; an example is its id").configurationError("duplicate example id");
      }
      String label = row.get(at[1]);
      if (task.isRegression()) {
        if (!isFinite(label)) {
          throw row.problem().example(id).expected("a numeric target in column '" + labelColumn + "'")
              .found(label.isEmpty() ? "no label" : "'" + label + "'").whatToDo("fix the target value")
              .configurationError(label.isEmpty() ? "missing label" : "non-numeric regression target");
        }
      } else if (label.isEmpty() || !classSet.contains(label)) {
        throw row.problem().example(id).expected("a label, one of " + classes)
            .found(label.isEmpty() ? "no label" : "'" + label + "'")
            .whatToDo("fix the label or add the class to the manifest's classes")
            .configurationError(label.isEmpty() ? "missing label" : "label is not a declared class");
      }
      String[] metadata = new String[metadataAt.length];
      for (int i = 0; i < metadataAt.length; i++) {
        metadata[i] = row.get(metadataAt[i]);
      }
      table.addRow(label, metadata, at[2] < 0 ? "" : row.get(at[2]),
          input.names().isEmpty() ? null : input.read(row, id), row.line());
    });
    if (requireRows && table.rows() == 0) {
      throw Problem.at(file).expected("at least one example").found("none")
          .whatToDo("add examples to the data file").configurationError("the golden set is empty");
    }
    return table.build();
  }

  private static boolean isFinite(String text) {
    return CsvNumbers.isFinite(text);
  }

  static int required(Path file, List<String> header, String column, String role) {
    int position = header.indexOf(column);
    if (position < 0) {
      throw Problem.at(file).line(1).expected("a " + role + " column named '" + column + "'")
          .found("columns " + (header.size() > 12 ? header.subList(0, 12) + " …" : header))
          .whatToDo("add the column or fix the manifest").configurationError("missing column");
    }
    return position;
  }
}
