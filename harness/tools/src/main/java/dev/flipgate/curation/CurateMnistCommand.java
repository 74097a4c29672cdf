package dev.flipgate.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flipgate-tools curate-mnist RAW_DIR OUT_DIR}: rebuilds the MNIST golden set from the raw test files. */
@Command(
    name = "curate-mnist",
    mixinStandardHelpOptions = true,
    description = "Builds the MNIST golden set (manifest.yaml, examples.csv.gz, adversarial.csv.gz) from the raw MNIST"
        + " test files t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. The same files and seed give identical bytes.")
public final class CurateMnistCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RAW_DIR", description = "Directory holding the two t10k IDX files.")
  Path raw;

  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The golden-set directory to write, e.g. golden-sets/mnist.")
  Path out;

  @Option(names = "--seed", description = "Seed of the adversarial sampling and perturbations (default: ${DEFAULT-VALUE}).")
  long seed = MnistGoldenSetBuilder.DEFAULT_SEED;

  @Override
  public Integer call() throws IOException {
    new MnistGoldenSetBuilder(seed).build(raw, out);
    spec.commandLine().getOut().println("wrote the MNIST golden set to " + out);
    return 0;
  }
}
