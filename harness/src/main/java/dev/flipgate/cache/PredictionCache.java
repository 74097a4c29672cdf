package dev.flipgate.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.provenance.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A model's answers kept on disk, so a rerun — or a run resumed after a crash or a kill — does
 * not ask the model again for what it already answered. One append-only file per model identity
 * (its SHA-256: the model file's content, or an endpoint and its metadata), one line per answer,
 * keyed by the SHA-256 of the example's input (its content, not its id) and sealed with a CRC32
 * of the line: a torn or corrupt line is skipped, and its example asked again. Lines are
 * appended and forced to disk a request at a time (from any thread), so a kill loses at most
 * the requests in flight.
 */
public final class PredictionCache implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final List<String> classes;
  private final Map<String, Prediction> answers = new HashMap<>();
  private final FileChannel appender;
  private int corrupt;

  private PredictionCache(Path file, List<String> classes) throws IOException {
    this.file = file;
    this.classes = List.copyOf(classes);
    if (Files.exists(file)) {
      load();
    }
    Files.createDirectories(file.getParent());
    this.appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** The cache of this model under {@code directory}, created when missing. */
  public static PredictionCache open(Path directory, ModelIdentity identity, List<String> classes) {
    Path file = directory.resolve(identity.kind() + "-" + identity.sha256() + ".jsonl");
    try {
      return new PredictionCache(file, classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the prediction cache " + file + ": " + e.getMessage()
          + "; check the directory is writable, or run with --no-cache", e);
    }
  }

  /** The SHA-256 of an input's values: what an answer is cached under. */
  public static String key(InputTensor input) {
    MessageDigest digest = Sha256.newDigest();
    ByteBuffer bytes = ByteBuffer.allocate(input.size() * Float.BYTES);
    for (int i = 0; i < input.size(); i++) {
      bytes.putFloat(input.get(i));
    }
    digest.update(bytes.array());
    return HexFormat.of().formatHex(digest.digest());
  }

  public synchronized Optional<Prediction> get(ModelInput input) {
    return Optional.ofNullable(answers.get(key(input.tensor())));
  }

  /** Lines that were torn or corrupt when the cache was read: their examples are asked again. */
  public int corruptEntries() {
    return corrupt;
  }

  public Path file() {
    return file;
  }

  /** Appends a batch's answers and forces them to disk before the run goes on. */
  public synchronized void put(List<ModelInput> batch, List<Prediction> predictions) {
    var text = new StringBuilder();
    for (int i = 0; i < batch.size(); i++) {
      String key = key(batch.get(i).tensor());
      answers.put(key, predictions.get(i));
      text.append(line(key, batch.get(i).exampleId(), predictions.get(i))).append('\n');
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        appender.write(bytes);
      }
      appender.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the prediction cache " + file + ": " + e.getMessage()
          + "; check the disk, or run with --no-cache", e);
    }
  }

  private String line(String key, String exampleId, Prediction prediction) {
    ObjectNode entry = JSON.createObjectNode().put("key", key).put("id", exampleId).put("prediction", prediction.label());
    prediction.scores().ifPresent(scores -> {
      var array = entry.putArray("scores");
      for (double p : scores.toArray()) {
        array.add(p);
      }
    });
    String body = entry.toString();
    return "{\"crc\":" + crc(body) + ",\"entry\":" + body + "}";
  }

  private void load() throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode sealed = JSON.readTree(line);
        JsonNode entry = sealed.get("entry");
        if (entry == null || sealed.path("crc").asLong(-1) != crc(entry.toString())) {
          corrupt++;
          continue;
        }
        answers.put(entry.path("key").asText(), prediction(entry));
      } catch (IOException | RuntimeException e) {
        corrupt++; // a torn last line after a kill, or bytes damaged on disk
      }
    }
  }

  private Prediction prediction(JsonNode entry) {
    String label = entry.path("prediction").asText();
    JsonNode scores = entry.get("scores");
    if (scores == null || !scores.isArray()) {
      return Prediction.of(label);
    }
    if (scores.size() != classes.size()) {
      throw new IllegalStateException("scores for another set of classes");
    }
    double[] values = new double[scores.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = scores.get(i).asDouble();
    }
    return new Prediction(label, Optional.of(new ClassScores(classes, values)));
  }

  private static long crc(String text) {
    var crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  @Override
  public void close() {
    try {
      appender.close();
    } catch (IOException e) {
      // every batch was already forced to disk; closing cannot lose an answer
    }
  }
}
