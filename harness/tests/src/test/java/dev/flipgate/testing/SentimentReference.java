package dev.flipgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The sentiment golden set's flip counts as {@code golden-sets/sentiment/reference/flips.js}
 * computes them outside Flipgate (the npm packages called directly, the ONNX model through
 * onnxruntime-node), run on this machine at test time: the ONNX answers come from the same CPU
 * the gate runs on, never from a file computed elsewhere.
 */
public final class SentimentReference {
  private SentimentReference() {}

  public static Path goldenSet() {
    return RepositoryPaths.root().resolve("golden-sets/sentiment");
  }

  /** Fails with the set-up command when the npm packages are not installed (`.ci/run` installs them). */
  public static void requireInstalled() {
    for (String part : new String[] {"models", "reference"}) {
      if (!Files.isDirectory(goldenSet().resolve(part).resolve("node_modules"))) {
        throw new IllegalStateException("golden-sets/sentiment/" + part + "/node_modules is missing: run "
            + "`npm ci --ignore-scripts --prefix golden-sets/sentiment/" + part + "` once (.ci/run does)");
      }
    }
  }

  /** {@code {examples, deployedCorrect, candidates: {wink|vader|tfidf: {negativeFlips, positiveFlips, …}}}}. */
  public static JsonNode flips() {
    requireInstalled();
    try {
      Process node = new ProcessBuilder("node", goldenSet().resolve("reference/flips.js").toString(), goldenSet().toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      byte[] out = node.getInputStream().readAllBytes();
      if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new IllegalStateException("flips.js failed: " + new String(out, StandardCharsets.UTF_8));
      }
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node (Node.js 18 or later must be on PATH)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
