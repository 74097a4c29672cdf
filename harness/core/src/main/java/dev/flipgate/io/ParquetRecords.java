package dev.flipgate.io;

import dev.flipgate.failure.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of a Parquet file as text, column by column through each row group: a flat table of
 * plain columns — strings (UTF-8 binary, with or without a STRING annotation), whole numbers,
 * floating-point numbers and booleans; a null is the empty string, so the readers above refuse
 * it where CSV's empty cell is refused. Numbers read as Java prints them ({@code 0.25},
 * {@code 1.0E-5}), which the number checks accept. Nested, repeated, decimal and temporal columns
 * are refused when the file is opened, naming the column: their text would be a guess.
 *
 * <p>Read without Hadoop: a {@link PlainParquetConfiguration} keeps parquet-hadoop from looking
 * for a Hadoop configuration.
 */
public final class ParquetRecords implements TableRecords {
  private final ParquetFileReader reader;
  private final MessageType schema;
  private final String createdBy;
  private final List<String> header;
  private final PrimitiveType[] types;
  private final String[] values;
  private ColumnReader[] columns;
  private long rowsLeftInGroup;
  private long row;

  /** @throws IllegalArgumentException for a schema that is not a flat table of plain columns */
  public ParquetRecords(Path file) throws IOException {
    this.reader = ParquetFileReader.open(new LocalInputFile(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    try {
      this.schema = reader.getFooter().getFileMetaData().getSchema();
      this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      List<String> names = new ArrayList<>();
      List<PrimitiveType> primitives = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Type field : schema.getFields()) {
        primitives.add(plainColumn(field));
        if (!seen.add(field.getName())) {
          throw new IllegalArgumentException("The schema has two columns named \"" + field.getName() + "\"");
        }
        names.add(field.getName());
      }
      this.header = List.copyOf(names);
      this.types = primitives.toArray(PrimitiveType[]::new);
      this.values = new String[types.length];
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private static PrimitiveType plainColumn(Type field) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw new IllegalArgumentException("column '" + field.getName() + "' is nested or repeated; a golden set's"
          + " columns are plain values");
    }
    PrimitiveType type = field.asPrimitiveType();
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    boolean plain = switch (type.getPrimitiveTypeName()) {
      case BINARY -> annotation == null || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
      case INT32, INT64 -> annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
      case FLOAT, DOUBLE, BOOLEAN -> annotation == null;
      default -> false;
    };
    if (!plain) {
      throw new IllegalArgumentException("column '" + field.getName() + "' is " + type.getPrimitiveTypeName()
          + (annotation == null ? "" : " " + annotation) + "; write it as a string, a whole number, a float or a double");
    }
    return type;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public boolean next() {
    try {
      while (rowsLeftInGroup == 0) {
        PageReadStore group = reader.readNextRowGroup();
        if (group == null) {
          return false;
        }
        var store = new ColumnReadStoreImpl(group, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
        columns = new ColumnReader[types.length];
        for (int c = 0; c < types.length; c++) {
          columns[c] = store.getColumnReader(schema.getColumnDescription(new String[] {header.get(c)}));
        }
        rowsLeftInGroup = group.getRowCount();
      }
      for (int c = 0; c < columns.length; c++) {
        values[c] = text(c);
        columns[c].consume();
      }
      rowsLeftInGroup--;
      row++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      // parquet-column reports a corrupt page as a runtime exception: it is unreadable input.
      throw new UncheckedIOException("unreadable Parquet data after row " + row + ": " + e.getMessage(),
          new IOException(e));
    }
  }

  /** The current value of column {@code c} as text; every value is read, as skipping would not advance the reader. */
  private String text(int c) {
    ColumnReader column = columns[c];
    if (column.getCurrentDefinitionLevel() < column.getDescriptor().getMaxDefinitionLevel()) {
      return "";
    }
    return switch (types[c].getPrimitiveTypeName()) {
      case BINARY -> column.getBinary().toStringUsingUTF8();
      case INT32 -> Integer.toString(column.getInteger());
      case INT64 -> Long.toString(column.getLong());
      case FLOAT -> Float.toString(column.getFloat());
      case DOUBLE -> Double.toString(column.getDouble());
      case BOOLEAN -> Boolean.toString(column.getBoolean());
      default -> throw new IllegalStateException("refused when the file was opened: " + types[c]);
    };
  }

  @Override
  public int size() {
    return types.length;
  }

  @Override
  public String get(int column) {
    return values[column];
  }

  @Override
  public long position() {
    return row;
  }

  @Override
  public Problem.Builder locate(Problem.Builder problem) {
    return problem.row(row);
  }

  @Override
  public String positionName() {
    return "row";
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
