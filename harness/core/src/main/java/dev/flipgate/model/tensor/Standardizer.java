package dev.flipgate.model.tensor;

import dev.flipgate.io.CsvNumbers;
import dev.flipgate.io.CsvRecords;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature standardization {@code (value − mean) / std}, read from a CSV file
 * {@code feature,mean,std} declared in the suite, so preprocessing lives with the model and the
 * golden set keeps the raw values. Features are matched to the golden set's input columns by name.
 */
public final class Standardizer {
  private Standardizer() {}

  public static InputPreparation read(Path suiteFile, String declared, List<String> inputColumns, InputLayout layout) {
    Path file = DeclaredPaths.resolveExisting(suiteFile, declared, "standardization file");
    Map<String, double[]> byFeature = new HashMap<>();
    try (CsvRecords records = new CsvRecords(Files.newBufferedReader(file))) {
      List<String> header = records.header();
      if (!header.containsAll(List.of("feature", "mean", "std"))) {
        throw Problem.at(file).line(1).expected("the header feature,mean,std").found(header.toString())
            .whatToDo("fix the header").configurationError("not a standardization file");
      }
      int feature = header.indexOf("feature");
      int mean = header.indexOf("mean");
      int std = header.indexOf("std");
      while (records.next()) {
        long line = records.position();
        if (records.size() != header.size()) {
          throw Problem.at(file).line(line).expected(header.size() + " columns, as in the header")
              .found(records.size() + " columns").whatToDo("fix the row").configurationError("row has the wrong number of columns");
        }
        byFeature.put(records.get(feature), new double[] {
            number(file, line, records.get(mean), "mean"), number(file, line, records.get(std), "std")});
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
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

  private static double number(Path file, long line, String text, String column) {
    double value = CsvNumbers.parse(text).orElse(Double.NaN);
    if (Double.isFinite(value) && (!column.equals("std") || value > 0)) {
      return value;
    }
    throw Problem.at(file).line(line)
        .expected(column.equals("std") ? "a positive standard deviation" : "a finite mean").found("'" + text + "'")
        .whatToDo("fix the value").configurationError("invalid standardization value");
  }
}
