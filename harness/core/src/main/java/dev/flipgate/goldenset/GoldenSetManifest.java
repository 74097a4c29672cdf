package dev.flipgate.goldenset;

import java.util.List;

/**
 * The YAML manifest of a golden set, as written on disk ({@code manifest.yaml}). Bound by
 * Jackson with unknown keys refused; {@link GoldenSetLoader} turns it into a {@link GoldenSet}.
 */
public record GoldenSetManifest(
    String name,
    String version,
    String description,
    String task,
    Double tolerance,
    List<String> classes,
    String positiveClass,
    InputDeclaration input,
    ExamplesDeclaration examples,
    List<SliceDeclaration> slices,
    AdversarialDeclaration adversarial,
    CriticalDeclaration critical) {

  /**
   * The columns that form the model input, and the tensor shape they form (row-major); or
   * {@code text}: the one column whose UTF-8 text is the model input (a sentence, a review).
   */
  public record InputDeclaration(ColumnsDeclaration columns, List<Integer> shape, String layout, String text) {

    public InputDeclaration(ColumnsDeclaration columns, List<Integer> shape, String layout) {
      this(columns, shape, layout, null);
    }
  }

  /** Either explicit column names or {@code prefix} + {@code count} ({@code px0 … px783}). */
  public record ColumnsDeclaration(List<String> names, String prefix, Integer count) {}

  /**
   * {@code displayColumn}: a metadata column reports show as the example itself (e.g. the raw text).
   * {@code humanColumn}: a metadata column holding a human annotator's answer (a class, or empty
   * where the example was not annotated): the human baseline every slice is shown beside.
   */
  public record ExamplesDeclaration(
      String file, String idColumn, String labelColumn, List<String> metadata, String tagsColumn, String displayColumn,
      String humanColumn) {

    public ExamplesDeclaration(
        String file, String idColumn, String labelColumn, List<String> metadata, String tagsColumn, String displayColumn) {
      this(file, idColumn, labelColumn, metadata, tagsColumn, displayColumn, null);
    }
  }

  public record SliceDeclaration(String name, String description, WhereDeclaration where, String tag) {}

  public record WhereDeclaration(String column, String equals, List<String> in, RangeDeclaration range) {}

  /** {@code min} inclusive, {@code max} exclusive; either may be left out. */
  public record RangeDeclaration(Double min, Double max) {}

  public record AdversarialDeclaration(String file, List<PerturbationDeclaration> perturbations) {}

  public record PerturbationDeclaration(String name, String description) {}

  public record CriticalDeclaration(String reason, List<String> ids) {}
}
