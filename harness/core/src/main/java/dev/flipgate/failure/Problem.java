package dev.flipgate.failure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of an actionable error message: where (file, line, example id), what was
 * expected, what was found, and what to do. Rendered on several lines so each part can be
 * read on its own:
 *
 * <pre>
 * golden-sets/mnist/examples.csv.gz, line 17, example t10k-00015: row has the wrong number of columns
 *   expected: 789 columns, as in the header
 *   found:    788 columns
 *   what to do: fix or remove the row, then run the gate again
 * </pre>
 */
public record Problem(
    String where, String summary, String expected, String found, String whatToDo) {

  public Problem {
    Objects.requireNonNull(summary, "summary");
  }

  public static Builder at(Path file) {
    return new Builder(file == null ? null : file.toString());
  }

  public static Builder at(String place) {
    return new Builder(place);
  }

  String render() {
    var lines = new ArrayList<String>();
    lines.add(where == null ? summary : where + ": " + summary);
    addIfPresent(lines, "  expected: ", expected);
    addIfPresent(lines, "  found:    ", found);
    addIfPresent(lines, "  what to do: ", whatToDo);
    return String.join(System.lineSeparator(), lines);
  }

  private static void addIfPresent(List<String> lines, String label, String value) {
    if (value != null) {
      lines.add(label + value);
    }
  }

  /** Collects the location first, then the message parts. */
  public static final class Builder {
    private final StringBuilder where;
    private String expected;
    private String found;
    private String whatToDo;

    private Builder(String place) {
      this.where = new StringBuilder(place == null ? "" : place);
    }

    /** The line, when known: a non-positive one is left out. */
    public Builder line(long line) {
      if (line <= 0) {
        return this;
      }
      where.append(where.isEmpty() ? "" : ", ").append("line ").append(line);
      return this;
    }

    /** The row of a columnar file (Parquet), counted from 1. */
    public Builder row(long row) {
      where.append(where.isEmpty() ? "" : ", ").append("row ").append(row);
      return this;
    }

    public Builder example(String id) {
      where.append(where.isEmpty() ? "" : ", ").append("example ").append(id);
      return this;
    }

    /** Names the part of the file at fault, e.g. {@code model 'cnn'} or {@code rule 2}. */
    public Builder part(String what) {
      where.append(where.isEmpty() ? "" : ", ").append(what);
      return this;
    }

    public Builder expected(String value) {
      this.expected = value;
      return this;
    }

    public Builder found(String value) {
      this.found = value;
      return this;
    }

    public Builder whatToDo(String value) {
      this.whatToDo = value;
      return this;
    }

    public Problem says(String summary) {
      return new Problem(where.isEmpty() ? null : where.toString(), summary, expected, found, whatToDo);
    }

    public ConfigurationException configurationError(String summary) {
      return new ConfigurationException(says(summary));
    }

    public ModelFailureException modelFailure(String summary) {
      return new ModelFailureException(says(summary));
    }
  }
}
