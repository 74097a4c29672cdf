package dev.flipgate.goldenset;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Turns the declared input columns of a data row into an {@link InputTensor}: numbers, or one text. */
final class InputColumns {
  private final List<String> names;
  private final int[] shape;
  private final boolean text;
  private int[] positions;

  InputColumns(List<String> names, int[] shape) {
    this(names, shape, false);
  }

  private InputColumns(List<String> names, int[] shape, boolean text) {
    this.names = List.copyOf(names);
    this.shape = shape.clone();
    this.text = text;
  }

  /**
   * No model input: a golden set gated only from predictions files needs none, and its examples
   * then carry an empty tensor. A model that must be asked (ONNX, KServe, subprocess) is refused
   * with the suite and the manifest named, before it runs.
   */
  static InputColumns none() {
    return new InputColumns(List.of(), new int[] {0});
  }

  static InputColumns of(GoldenSetManifest.InputDeclaration declaration, Path manifest) {
    if (declaration == null) {
      return none();
    }
    if (declaration.text() != null) {
      if (declaration.columns() != null || declaration.shape() != null || declaration.layout() != null
          || declaration.text().isBlank()) {
        throw Problem.at(manifest).expected("input: {text: <column>} alone: a text input is one column, shape [1]")
            .found(declaration.text().isBlank() ? "an empty text column name" : "text together with columns, shape or layout")
            .whatToDo("declare either input.text or input.columns").configurationError("ambiguous input declaration");
      }
      return new InputColumns(List.of(declaration.text()), new int[] {1}, true);
    }
    if (declaration.columns() == null) {
      throw Problem.at(manifest).expected("input: {columns: {prefix: px, count: 784}, shape: [28, 28, 1]}")
          .whatToDo("declare which columns form the model input").configurationError("no input is declared");
    }
    var columns = declaration.columns();
    List<String> names;
    if (columns.names() != null && !columns.names().isEmpty()) {
      names = columns.names();
    } else if (columns.prefix() != null && columns.count() != null && columns.count() > 0) {
      names = IntStream.range(0, columns.count()).mapToObj(i -> columns.prefix() + i).toList();
    } else {
      throw Problem.at(manifest).expected("input.columns with names: [...] or prefix and count")
          .whatToDo("declare the input columns").configurationError("input columns are not declared");
    }
    List<Integer> declaredShape = declaration.shape() == null ? List.of(names.size()) : declaration.shape();
    int[] shape = declaredShape.stream().mapToInt(Integer::intValue).toArray();
    long elements = IntStream.of(shape).asLongStream().reduce(1, (a, b) -> a * b);
    if (elements != names.size() || IntStream.of(shape).anyMatch(d -> d <= 0)) {
      throw Problem.at(manifest).expected("a shape of positive sizes whose product is " + names.size())
          .found("shape " + declaredShape).whatToDo("fix input.shape or input.columns")
          .configurationError("the input shape does not match the input columns");
    }
    return new InputColumns(names, shape);
  }

  List<String> names() {
    return names;
  }

  int[] shape() {
    return shape.clone();
  }

  /** Locates the input columns in a data file's header; every one must be there. */
  void bind(Path file, List<String> header) {
    positions = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      positions[i] = header.indexOf(names.get(i));
      if (positions[i] < 0) {
        throw Problem.at(file).line(1).expected("input column '" + names.get(i) + "' in the header")
            .found("columns " + abbreviate(header)).whatToDo("add the column or fix the manifest's input declaration")
            .configurationError("an input column is missing");
      }
    }
  }

  InputTensor read(DataFileRows.Row row, String exampleId) {
    if (text) {
      return readText(row, exampleId);
    }
    float[] values = new float[positions.length];
    for (int i = 0; i < positions.length; i++) {
      String text = row.get(positions[i]);
      values[i] = CsvNumbers.isNumeral(text) ? Float.parseFloat(text) : Float.NaN;
      if (!Float.isFinite(values[i])) {
        throw row.problem().example(exampleId)
            .expected("a finite number in input column '" + names.get(i) + "'")
            .found("'" + text + "'").whatToDo("fix the value in the data file")
            .configurationError("non-numeric model input");
      }
    }
    return new InputTensor(values, shape);
  }

  private InputTensor readText(DataFileRows.Row row, String exampleId) {
    String value = row.get(positions[0]);
    if (value.isBlank()) {
      throw row.problem().example(exampleId)
          .expected("a non-empty text in input column '" + names.get(0) + "'")
          .found(value.isEmpty() ? "an empty text" : "only white space").whatToDo("write the text, or remove the example")
          .configurationError("empty text input");
    }
    return InputTensor.ofText(value);
  }

  private static String abbreviate(List<String> header) {
    return header.size() <= 12 ? header.toString() : header.subList(0, 12) + " … (" + header.size() + " in all)";
  }
}
