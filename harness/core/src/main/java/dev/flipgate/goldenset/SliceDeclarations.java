package dev.flipgate.goldenset;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the manifest's slice declarations into predicates, checking the columns they read. */
final class SliceDeclarations {
  private final Path manifest;
  private final Path examplesFile;
  private final ExampleTable examples;

  SliceDeclarations(Path manifest, Path examplesFile, ExampleTable examples) {
    this.manifest = manifest;
    this.examplesFile = examplesFile;
    this.examples = examples;
  }

  List<SliceDefinition> convert(List<GoldenSetManifest.SliceDeclaration> declarations) {
    List<SliceDefinition> slices = new ArrayList<>(List.of(SliceDefinition.all()));
    Set<String> names = new HashSet<>(Set.of(SliceDefinition.ALL));
    for (var declaration : declarations == null ? List.<GoldenSetManifest.SliceDeclaration>of() : declarations) {
      if (declaration.name() == null || declaration.name().isBlank() || !names.add(declaration.name())) {
        throw Problem.at(manifest).expected("a unique slice name other than 'all' (which is implicit)")
            .found("'" + declaration.name() + "'").whatToDo("rename the slice").configurationError("invalid slice name");
      }
      SlicePredicate predicate = predicate(declaration);
      predicate.column().ifPresent(column -> checkColumn(declaration.name(), predicate, column));
      slices.add(new SliceDefinition(declaration.name(), declaration.description(), predicate));
    }
    return slices;
  }

  private SlicePredicate predicate(GoldenSetManifest.SliceDeclaration declaration) {
    var where = declaration.where();
    if ((where == null) == (declaration.tag() == null)) {
      throw invalid(declaration.name(), "exactly one of 'where' or 'tag'");
    }
    if (where == null) {
      return new SlicePredicate.HasTag(declaration.tag());
    }
    int given = (where.equals() != null ? 1 : 0) + (where.in() != null ? 1 : 0) + (where.range() != null ? 1 : 0);
    if (where.column() == null || given != 1) {
      throw invalid(declaration.name(), "where: {column: C, and exactly one of equals, in or range}");
    }
    if (where.equals() != null) {
      return new SlicePredicate.ColumnEquals(where.column(), where.equals());
    }
    if (where.in() != null) {
      return new SlicePredicate.ColumnIn(where.column(), Set.copyOf(where.in()));
    }
    if (where.range().min() == null && where.range().max() == null) {
      throw invalid(declaration.name(), "range: {min: X, max: Y} with at least one end");
    }
    return new SlicePredicate.ColumnRange(where.column(), where.range().min(), where.range().max());
  }

  private void checkColumn(String slice, SlicePredicate predicate, String column) {
    var values = examples.column(column);
    if (values.isEmpty()) {
      throw Problem.at(manifest).expected("slice '" + slice + "' to read the label or a declared metadata column")
          .found("column '" + column + "', which is neither").whatToDo("declare the column under examples.metadata")
          .configurationError("slice names an unknown column");
    }
    if (predicate instanceof SlicePredicate.ColumnRange) {
      DictionaryColumn cells = values.get();
      boolean[] numeric = new boolean[cells.values().size()];
      for (int code = 0; code < numeric.length; code++) {
        numeric[code] = isNumber(cells.values().get(code));
      }
      for (int row = 0; row < cells.rows(); row++) {
        if (!numeric[cells.code(row)]) {
          throw Problem.at(examplesFile)
              .line(examples.line(row)).example(examples.id(row))
              .expected("a number in column '" + column + "' (slice '" + slice + "' is a numeric range)")
              .found("'" + cells.value(row) + "'").whatToDo("fix the value or slice with 'equals' or 'in'")
              .configurationError("non-numeric value in a range slice's column");
        }
      }
    }
  }

  private static boolean isNumber(String text) {
    return CsvNumbers.isFinite(text);
  }

  private RuntimeException invalid(String slice, String expected) {
    return Problem.at(manifest).expected(expected).whatToDo("fix the declaration of slice '" + slice + "'")
        .configurationError("invalid slice declaration");
  }
}
