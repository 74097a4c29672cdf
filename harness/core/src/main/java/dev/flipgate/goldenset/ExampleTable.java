package dev.flipgate.goldenset;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A golden set's examples held as columns: the ids once (numbered by {@link ExampleIndex}), the
 * label and every metadata column dictionary-encoded, each row's tag set as a code, the model
 * inputs (when the golden set has any) and the data-file line of each row. An {@link Example} is
 * made on demand from its row, so a million examples are a few arrays rather than a million
 * objects with maps.
 */
public final class ExampleTable {
  private final ExampleIndex ids;
  private final String labelColumn;
  private final DictionaryColumn labels;
  private final List<DictionaryColumn> metadata;
  /** Each row's tags text, whose code is also the code of its set in {@link #tagSets}. */
  private final DictionaryColumn tagTexts;
  private final List<Set<String>> tagSets;
  private final InputTensor[] inputs;
  private final InputTensor noInput;
  /** Each row's line in the data file (int: a data file of over two billion lines is refused). */
  private final int[] lines;
  private final List<Example> asList = new Rows();
  /** Each slice's rows, worked out once: the comparison, the reports and the attacks all ask for them. */
  private final java.util.Map<SlicePredicate, java.util.BitSet> members = new java.util.concurrent.ConcurrentHashMap<>();

  private ExampleTable(ExampleIndex ids, String labelColumn, DictionaryColumn labels, List<DictionaryColumn> metadata,
      DictionaryColumn tagTexts, List<Set<String>> tagSets, InputTensor[] inputs, InputTensor noInput, int[] lines) {
    this.ids = ids;
    this.labelColumn = labelColumn;
    this.labels = labels;
    this.metadata = List.copyOf(metadata);
    this.tagTexts = tagTexts;
    this.tagSets = List.copyOf(tagSets);
    this.inputs = inputs;
    this.noInput = noInput;
    this.lines = lines;
  }

  public int size() {
    return ids.size();
  }

  /** The rows {@code predicate} contains: a copy, which the caller may change. */
  public java.util.BitSet members(SlicePredicate predicate) {
    return (java.util.BitSet) members.computeIfAbsent(predicate, p -> p.members(this)).clone();
  }

  public ExampleIndex ids() {
    return ids;
  }

  public String id(int row) {
    return ids.id(row);
  }

  /** The label column: its values are the labels (class names, or a regression's targets as written). */
  public DictionaryColumn labels() {
    return labels;
  }

  /**
   * A column a slice may read: the label column or a declared metadata column, by name; empty
   * for any other name.
   */
  public java.util.Optional<DictionaryColumn> column(String name) {
    for (DictionaryColumn column : metadata) {
      if (column.name().equals(name)) {
        return java.util.Optional.of(column);
      }
    }
    return name.equals(labelColumn) ? java.util.Optional.of(labels) : java.util.Optional.empty();
  }

  public Set<String> tags(int row) {
    return tagSets.get(tagTexts.code(row));
  }

  /** The distinct tag sets, each row's one of them by {@link #tagSetCode}. */
  public List<Set<String>> tagSets() {
    return tagSets;
  }

  public int tagSetCode(int row) {
    return tagTexts.code(row);
  }

  public InputTensor input(int row) {
    return inputs == null ? noInput : inputs[row];
  }

  public long line(int row) {
    return lines[row];
  }

  public Example example(int row) {
    Map<String, String> values = new HashMap<>();
    values.put(labelColumn, labels.value(row));
    for (DictionaryColumn column : metadata) {
      values.put(column.name(), column.value(row));
    }
    return new Example(ids.id(row), labels.value(row), input(row), values, tags(row), lines[row]);
  }

  /** The examples in file order, each made when read. */
  public List<Example> asList() {
    return asList;
  }

  /** The examples by id, in file order, each made when read. */
  public Map<String, Example> byId() {
    return new AbstractMap<>() {
      @Override
      public Example get(Object key) {
        int row = key instanceof String id ? ids.rowOf(id) : -1;
        return row < 0 ? null : example(row);
      }

      @Override
      public boolean containsKey(Object key) {
        return ids.contains(key);
      }

      @Override
      public Set<Entry<String, Example>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Entry<String, Example>> iterator() {
            Iterator<Example> rows = asList.iterator();
            return new Iterator<>() {
              @Override
              public boolean hasNext() {
                return rows.hasNext();
              }

              @Override
              public Entry<String, Example> next() {
                Example example = rows.next();
                return Map.entry(example.id(), example);
              }
            };
          }

          @Override
          public int size() {
            return ids.size();
          }
        };
      }
    };
  }

  private final class Rows extends AbstractList<Example> implements RandomAccess {
    @Override
    public Example get(int row) {
      java.util.Objects.checkIndex(row, size());
      return example(row);
    }

    @Override
    public int size() {
      return ids.size();
    }
  }

  /** Collects the table row by row, as a data file is read. */
  static final class Builder {
    private final ExampleIndex.Builder ids = new ExampleIndex.Builder();
    private final String labelColumn;
    private final DictionaryColumn.Builder labels;
    private final List<DictionaryColumn.Builder> metadata = new ArrayList<>();
    private final DictionaryColumn.Builder tagTexts = new DictionaryColumn.Builder("tags");
    private final List<InputTensor> inputs = new ArrayList<>();
    private final InputTensor noInput;
    private final boolean hasInput;
    private int[] lines = new int[1024];

    /** @param noInput the input every example has when the golden set declares none, or null when it declares one */
    Builder(String labelColumn, List<String> metadataColumns, InputTensor noInput) {
      this.labelColumn = labelColumn;
      this.labels = new DictionaryColumn.Builder(labelColumn);
      metadataColumns.forEach(name -> metadata.add(new DictionaryColumn.Builder(name)));
      this.noInput = noInput;
      this.hasInput = noInput == null;
    }

    /** Numbers the id as the next row; -1, or the earlier row when the id was read before (nothing is added then). */
    int addId(String id) {
      return ids.add(id);
    }

    /** As {@link #addId(String)}, for an ASCII id given as the bytes {@code text[from, to)}. */
    int addId(byte[] text, int from, int to) {
      return ids.add(text, from, to);
    }

    /**
     * As {@link #addRow}, for a row without input whose fields are ASCII spans of {@code text}
     * ({@code starts[f]} to {@code ends[f]}); {@code tagsField} is -1 when there is no tags column.
     */
    void addAsciiRow(byte[] text, int[] starts, int[] ends, int labelField, int[] metadataFields, int tagsField, long line) {
      if (hasInput) {
        throw new IllegalStateException("a golden set with inputs is read row by row as text");
      }
      labels.addAscii(text, starts[labelField], ends[labelField]);
      for (int i = 0; i < metadataFields.length; i++) {
        metadata.get(i).addAscii(text, starts[metadataFields[i]], ends[metadataFields[i]]);
      }
      int row = tagTexts.rows();
      if (tagsField < 0) {
        tagTexts.add("");
      } else {
        tagTexts.addAscii(text, starts[tagsField], ends[tagsField]);
      }
      if (row == lines.length) {
        lines = java.util.Arrays.copyOf(lines, row * 2);
      }
      lines[row] = Math.toIntExact(line);
    }

    /** The distinct labels read so far. */
    List<String> labelValues() {
      return labels.values();
    }

    /** The rest of the row whose id was just added; {@code metadataValues} in the order of the declared columns. */
    void addRow(String label, String[] metadataValues, String tagsText, InputTensor input, long line) {
      labels.add(label);
      for (int i = 0; i < metadataValues.length; i++) {
        metadata.get(i).add(metadataValues[i]);
      }
      int row = tagTexts.rows();
      tagTexts.add(tagsText);
      if (hasInput) {
        inputs.add(input);
      }
      if (row == lines.length) {
        lines = java.util.Arrays.copyOf(lines, row * 2);
      }
      lines[row] = Math.toIntExact(line);
    }

    long lineOf(int row) {
      return lines[row];
    }

    int rows() {
      return tagTexts.rows();
    }

    ExampleTable build() {
      DictionaryColumn tags = tagTexts.build();
      int rows = tags.rows();
      // One set per distinct tags text (a few, typically): rows share it.
      List<Set<String>> tagSets = tags.values().stream().map(Tags::parse).toList();
      return new ExampleTable(ids.build(), labelColumn, labels.build(),
          metadata.stream().map(DictionaryColumn.Builder::build).toList(), tags, tagSets,
          hasInput ? inputs.toArray(InputTensor[]::new) : null, noInput, java.util.Arrays.copyOf(lines, rows));
    }
  }
}
