package dev.flipgate.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A model's answer on every raw MNIST test image, computed on this machine at test time with
 * ONNX Runtime's own Java API straight from the IDX file — not through Flipgate's adapter nor its
 * golden set. For models whose answers depend on the CPU (the int8 model: its integer kernels
 * round differently with AVX2, AVX-512 and VNNI), a reference computed elsewhere would fail on
 * another instruction set; computed here, it runs the same kernels Flipgate runs.
 */
public final class SameMachineReference {
  private SameMachineReference() {}

  /** The argmax answer of the model on each of the 10,000 test images, in file order. */
  public static List<String> answers(Path model, String inputName, String outputName) {
    float[][] images = images(RepositoryPaths.rawMnist().resolve("t10k-images-idx3-ubyte.gz"));
    var environment = OrtEnvironment.getEnvironment();
    List<String> answers = new ArrayList<>(images.length);
    try (var options = new OrtSession.SessionOptions(); var session = environment.createSession(model.toString(), options)) {
      for (float[] image : images) {
        try (var tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(image), new long[] {1, 1, 28, 28});
            var result = session.run(Map.of(inputName, tensor), Set.of(outputName))) {
          float[] logits = ((float[][]) result.get(outputName).orElseThrow().getValue())[0];
          int best = 0;
          for (int c = 1; c < logits.length; c++) {
            best = logits[c] > logits[best] ? c : best;
          }
          answers.add(String.valueOf(best));
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the reference run of " + model + " failed", e);
    }
    return answers;
  }

  private static float[][] images(Path idx) {
    try (var in = new DataInputStream(new GZIPInputStream(Files.newInputStream(idx)))) {
      if (in.readInt() != 0x00000803) {
        throw new IllegalStateException(idx + " is not an IDX image file");
      }
      int count = in.readInt();
      int pixels = in.readInt() * in.readInt();
      float[][] images = new float[count][pixels];
      for (int i = 0; i < count; i++) {
        for (int p = 0; p < pixels; p++) {
          images[i][p] = in.readUnsignedByte(); // raw 0..255, as the MNIST models expect
        }
      }
      return images;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
