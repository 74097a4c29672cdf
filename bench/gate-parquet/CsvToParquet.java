import dev.flipgate.io.TableRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the Parquet twin of a CSV file (plain or .gz): a column whose every value is a whole
 * number becomes INT64, one whose every value is a number DOUBLE, any other an optional UTF-8
 * string (an empty cell a null). Two passes over the CSV: one to choose the types, one to write.
 *   java -cp … CsvToParquet.java IN.csv[.gz] OUT.parquet
 */
public class CsvToParquet {
  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<String> header;
    boolean[] whole;
    boolean[] number;
    try (TableRecords records = TableRecords.open(in)) {
      header = records.header();
      whole = new boolean[header.size()];
      number = new boolean[header.size()];
      java.util.Arrays.fill(whole, true);
      java.util.Arrays.fill(number, true);
      while (records.next()) {
        for (int c = 0; c < header.size(); c++) {
          String v = records.get(c);
          whole[c] &= v.matches("-?[0-9]{1,18}");
          number[c] &= !v.isEmpty() && dev.flipgate.io.CsvNumbers.isFinite(v);
        }
      }
    }
    StringBuilder schema = new StringBuilder("message table {\n");
    List<String> types = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String type = whole[c] ? "int64" : number[c] ? "double" : "binary";
      types.add(type);
      schema.append("  optional ").append(type).append(' ').append(header.get(c))
          .append(type.equals("binary") ? " (STRING)" : "").append(";\n");
    }
    MessageType messageType = MessageTypeParser.parseMessageType(schema.append("}").toString());
    Files.deleteIfExists(out);
    var factory = new SimpleGroupFactory(messageType);
    long rows = 0;
    try (TableRecords records = TableRecords.open(in);
        ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(out))
            .withConf(new PlainParquetConfiguration()).withType(messageType).build()) {
      while (records.next()) {
        Group group = factory.newGroup();
        for (int c = 0; c < header.size(); c++) {
          String v = records.get(c);
          if (v.isEmpty()) {
            continue;
          }
          switch (types.get(c)) {
            case "int64" -> group.append(header.get(c), Long.parseLong(v));
            case "double" -> group.append(header.get(c), Double.parseDouble(v));
            default -> group.append(header.get(c), v);
          }
        }
        writer.write(group);
        rows++;
      }
    }
    System.out.printf("%s: %d rows, %s -> %s (%,d bytes)%n", out.getFileName(), rows, header, types, Files.size(out));
  }
}
