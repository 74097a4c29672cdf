package dev.flipgate.model.tensor;

import dev.flipgate.io.StrictCsv;
import dev.flipgate.io.PhysicalLines;
import dev.flipgate.io.CsvNumbers;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-feature standardization {@code (value − mean) / std}, read from a CSV file
 * {@code feature,mean,std} declared in the suite, so preprocessing lives with the model and the
 * golden set keeps the raw values. Features are matched to the golden set's input columns by name.
 */
public final class Standardizer {
  private static final CSVFormat FORMAT = StrictCsv.HEADED;

  private Standardizer() {}

  public static InputPreparation read(Path suiteFile, String declared, List<String> inputColumns, InputLayout layout) {
    Path file = DeclaredPaths.resolveExisting(suiteFile, declared, "standardization file");
    Map<String, double[]> byFeature = new HashMap<>();
    try (PhysicalLines reader = new PhysicalLines(Files.newBufferedReader(file));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      if (!parser.getHeaderNames().containsAll(List.of("feature", "mean", "std"))) {
        throw Problem.at(file).line(1).expected("the header feature,mean,std").found(parser.getHeaderNames().toString())
            .whatToDo("fix the header").configurationError("not a standardization file");
      }
      for (CSVRecord record : parser) {
        long line = reader.startOf(record);
        byFeature.put(record.get("feature"), new double[] {number(file, line, record, "mean"), number(file, line, record, "std")});
      }
    } catch (IOException e) {
      throw new ConfigurationException(Problem.at(file).says("cannot read: " + e.getMessage()), e);
    }
    double[] shift = new double[inputColumns.size()];
    double[] factor = new double[inputColumns.size()];
    for (int i = 0; i < inputColumns.size(); i++) {
      double[] meanAndStd = byFeature.get(inputColumns.get(i));
      if (meanAndStd == null) {
        throw Problem.at(file).expected("a mean and std for every input column of the golden set " + inputColumns)
            .found("none for '" + inputColumns.get(i) + "'").whatToDo("add the feature to the file")
            .configurationError("incomplete standardization");
      }
      shift[i] = meanAndStd[0];
      factor[i] = 1 / meanAndStd[1];
    }
    return new InputPreparation(layout, false, shift, factor);
  }

  private static double number(Path file, long line, CSVRecord record, String column) {
    String text = record.get(column);
    double value = CsvNumbers.parse(text).orElse(Double.NaN);
    if (Double.isFinite(value) && (!column.equals("std") || value > 0)) {
      return value;
    }
    throw Problem.at(file).line(line)
        .expected(column.equals("std") ? "a positive standard deviation" : "a finite mean").found("'" + text + "'")
        .whatToDo("fix the value").configurationError("invalid standardization value");
  }
}
