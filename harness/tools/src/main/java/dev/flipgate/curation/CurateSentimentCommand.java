package dev.flipgate.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flipgate-tools curate-sentiment SHARED_TEXT_DIR OUT_DIR}: rebuilds the sentiment golden set. */
@Command(
    name = "curate-sentiment",
    mixinStandardHelpOptions = true,
    description = "Builds the sentiment golden set (manifest.yaml, examples.jsonl, models/, licenses/) from the shared"
        + " text directory: golden.jsonl, tfidf_lr_rt_polarity.onnx and licenses/.")
public final class CurateSentimentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHARED_TEXT_DIR", description = "Directory holding golden.jsonl, the ONNX model and licenses/.")
  Path shared;

  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The golden-set directory to write, e.g. golden-sets/sentiment.")
  Path out;

  @Override
  public Integer call() throws IOException {
    new SentimentGoldenSetBuilder().build(shared, out);
    spec.commandLine().getOut().println("wrote the sentiment golden set to " + out);
    return 0;
  }
}
