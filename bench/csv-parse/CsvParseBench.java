import dev.flipgate.io.CsvRecords;
import dev.flipgate.io.StrictCsv;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file (plain or .gz) ROUNDS times each way and prints the median wall of each:
 * gunzip alone, gunzip + UTF-8 decoding, Commons CSV with Flipgate's dialect, and CsvRecords.
 * The difference between the last two is what the parser costs.
 */
public class CsvParseBench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    report("gunzip (bytes only)", rounds, () -> {
      long n = 0;
      try (InputStream in = open(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int r; (r = in.read(buffer)) > 0; ) {
          n += r;
        }
      }
      return n;
    });
    report("gunzip + UTF-8 decoding", rounds, () -> {
      long n = 0;
      try (Reader in = reader(file)) {
        char[] buffer = new char[1 << 16];
        for (int r; (r = in.read(buffer)) > 0; ) {
          n += r;
        }
      }
      return n;
    });
    report("Commons CSV (StrictCsv.HEADED)", rounds, () -> {
      long n = 0;
      try (CSVParser parser = CSVParser.builder().setReader(new BufferedReader(reader(file), 1 << 16))
          .setFormat(StrictCsv.HEADED).get()) {
        for (CSVRecord record : parser) {
          n += record.size();
        }
      }
      return n;
    });
    report("CsvRecords", rounds, () -> {
      long n = 0;
      try (CsvRecords records = new CsvRecords(reader(file))) {
        while (records.next()) {
          n += records.size();
        }
      }
      return n;
    });
  }

  interface Run {
    long run() throws Exception;
  }

  static void report(String what, int rounds, Run run) throws Exception {
    long[] walls = new long[rounds];
    long result = 0;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      result = run.run();
      walls[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(walls);
    System.out.printf("%-32s median %6.0f ms of %d rounds (min %.0f, max %.0f)  [%d]%n", what, walls[rounds / 2] / 1e6, rounds,
        walls[0] / 1e6, walls[rounds - 1] / 1e6, result);
  }

  static InputStream open(Path file) throws Exception {
    InputStream raw = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  static Reader reader(Path file) throws Exception {
    return new InputStreamReader(open(file), StandardCharsets.UTF_8);
  }
}
