package dev.flipgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the Parquet twin of a small CSV table with parquet-hadoop's own writer: every column an
 * optional UTF-8 string unless {@code types} names it (e.g. {@code "double"}), an empty CSV cell
 * a null. Tests compare a gate over the twin with the gate over the CSV.
 */
public final class ParquetTables {
  private ParquetTables() {}

  /** @param types column name to a Parquet primitive ("double", "int64", …) for columns that are not strings */
  public static void write(Path file, String csv, Map<String, String> types) {
    List<String> lines = csv.lines().toList();
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    StringBuilder schema = new StringBuilder("message table {\n");
    for (String column : header) {
      String type = types.getOrDefault(column, "binary");
      schema.append("  optional ").append(type).append(' ').append(column).append(type.equals("binary") ? " (STRING)" : "")
          .append(";\n");
    }
    write(file, MessageTypeParser.parseMessageType(schema.append("}").toString()), header, lines.subList(1, lines.size()));
  }

  /** Writes {@code rows} (CSV lines without quotes) under an explicit schema. */
  public static void write(Path file, MessageType schema, List<String> header, List<String> rows) {
    try {
      Files.deleteIfExists(file);
      var factory = new SimpleGroupFactory(schema);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
          .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
        for (String row : rows) {
          String[] cells = row.split(",", -1);
          Group group = factory.newGroup();
          for (int c = 0; c < header.size(); c++) {
            if (!cells[c].isEmpty()) {
              append(group, schema, header.get(c), cells[c]);
            }
          }
          writer.write(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Group group, MessageType schema, String column, String text) {
    switch (schema.getType(column).asPrimitiveType().getPrimitiveTypeName()) {
      case DOUBLE -> group.append(column, Double.parseDouble(text));
      case FLOAT -> group.append(column, Float.parseFloat(text));
      case INT64 -> group.append(column, Long.parseLong(text));
      case INT32 -> group.append(column, Integer.parseInt(text));
      case BOOLEAN -> group.append(column, Boolean.parseBoolean(text));
      default -> group.append(column, text);
    }
  }
}
