package dev.flipgate.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flipgate-tools curate-breast-cancer RAW_DIR OUT_DIR}: rebuilds the breast-cancer golden set. */
@Command(
    name = "curate-breast-cancer",
    mixinStandardHelpOptions = true,
    description = "Builds the breast-cancer golden set (manifest.yaml, examples.csv) from scikit-learn's breast_cancer.csv"
        + " and the models' breast_cancer-split.csv, keeping only the rows held out from training.")
public final class CurateBreastCancerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RAW_DIR", description = "Directory holding breast_cancer.csv and breast_cancer-split.csv.")
  Path raw;

  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The golden-set directory to write, e.g. golden-sets/breast-cancer.")
  Path out;

  @Override
  public Integer call() throws IOException {
    new BreastCancerGoldenSetBuilder().build(raw, out);
    spec.commandLine().getOut().println("wrote the breast-cancer golden set to " + out);
    return 0;
  }
}
