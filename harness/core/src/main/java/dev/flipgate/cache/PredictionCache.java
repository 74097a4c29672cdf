package dev.flipgate.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.AnswerKey;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.io.Sha256;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A model's answers kept on disk, so a rerun — or a run resumed after a crash or a kill — does
 * not ask the model again for what it already answered. One append-only file per
 * {@link AnswerKey} — everything that determines the model's answers: the model's bytes or a
 * served model's endpoint and metadata, the input preparation, the output read, the classes, the
 * runtime — whose first line names those determinants, then one line per answer,
 * keyed by the SHA-256 of the example's input (its content, not its id) and sealed with a CRC32
 * of the line: a torn or corrupt line is skipped, and its example asked again. Lines are
 * appended a request at a time as the answers come (from any thread), so a killed run loses at
 * most the requests in flight: the operating system keeps what a dead process wrote. They are
 * forced to the disk at most once every {@value #FORCE_INTERVAL_MILLIS} ms and on close, so a
 * machine crash loses at most the last second's answers, which a resumed run asks again; forcing
 * every request instead (~0.45 ms each here, with every lane waiting on it) cost a third of a
 * KServe model's throughput.
 */
public final class PredictionCache implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long FORCE_INTERVAL_MILLIS = 1_000;

  private final Path file;
  /** The file's first line: the determinants of its answers. */
  private final String header;
  private final List<String> classes;
  private final Map<String, Prediction> answers = new HashMap<>();
  private final FileChannel appender;
  /** Keys of inputs looked up in vain, reused when their answers come: hashing inputs is the cache's main work. */
  private final Map<InputTensor, String> missedKeys = new IdentityHashMap<>();
  private long lastForcedNanos = System.nanoTime();
  private int corrupt;

  private PredictionCache(Path file, AnswerKey key, List<String> classes) throws IOException {
    this.file = file;
    this.classes = List.copyOf(classes);
    this.header = JSON.createObjectNode().set("determinants", JSON.valueToTree(new java.util.TreeMap<>(key.determinants())))
        .toString();
    if (Files.exists(file)) {
      load();
    }
    Files.createDirectories(file.getParent());
    this.appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (appender.size() == 0) {
      appender.write(ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The cache of the model with this answer key under {@code directory}, created when missing. */
  public static PredictionCache open(Path directory, AnswerKey key, List<String> classes) {
    Path file = directory.resolve(key.determinants().get("adapter") + "-" + key.sha256() + ".jsonl");
    try {
      return new PredictionCache(file, key, classes);
    } catch (IOException | UncheckedIOException e) {
      throw new dev.flipgate.failure.ConfigurationException(dev.flipgate.failure.Problem.at(directory)
          .expected("a writable directory for the prediction cache").found("cannot open " + file.getFileName() + ": " + e)
          .whatToDo("point --cache-dir at a writable directory, or run with --no-cache")
          .says("cannot open the prediction cache"), e);
    }
  }

  /**
   * The SHA-256 of an input's values, or of a text input's exact UTF-8 bytes (no normalisation:
   * "Good" and "good", or a text with and without a trailing space, are different questions to a
   * model): what an answer is cached under. A text is hashed behind its own prefix, so that no
   * text can share a key with a numeric input.
   */
  public static String key(InputTensor input) {
    MessageDigest digest = Sha256.newDigest();
    if (input.isText()) {
      digest.update("flipgate-text\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update(input.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    }
    ByteBuffer bytes = ByteBuffer.allocate(input.size() * Float.BYTES);
    for (int i = 0; i < input.size(); i++) {
      bytes.putFloat(input.get(i));
    }
    digest.update(bytes.array());
    return HexFormat.of().formatHex(digest.digest());
  }

  public synchronized Optional<Prediction> get(ModelInput input) {
    String key = key(input.tensor());
    Prediction answer = answers.get(key);
    if (answer == null) {
      missedKeys.put(input.tensor(), key);
    }
    return Optional.ofNullable(answer);
  }

  /**
   * Forgets every answer: the spot check found the model answering differently from its cache.
   * The file is set aside (renamed {@code .stale-<millis>}) for inspection, and a new one begun.
   */
  public synchronized void discard() {
    answers.clear();
    missedKeys.clear();
    try {
      appender.force(false);
      Files.copy(file, file.resolveSibling(file.getFileName() + ".stale-" + System.currentTimeMillis()));
      appender.truncate(0);
      appender.write(ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set aside the stale prediction cache " + file + ": " + e.getMessage()
          + "; delete it by hand, or run with --no-cache", e);
    }
  }

  /** Lines that were torn or corrupt when the cache was read: their examples are asked again. */
  public int corruptEntries() {
    return corrupt;
  }

  public Path file() {
    return file;
  }

  /** Appends a batch's answers; forces the file to disk when the last force is a second old. */
  public synchronized void put(List<ModelInput> batch, List<Prediction> predictions) {
    var text = new StringBuilder();
    for (int i = 0; i < batch.size(); i++) {
      InputTensor input = batch.get(i).tensor();
      String missed = missedKeys.remove(input);
      String key = missed != null ? missed : key(input);
      answers.put(key, predictions.get(i));
      text.append(line(key, batch.get(i).exampleId(), predictions.get(i))).append('\n');
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        appender.write(bytes);
      }
      if (System.nanoTime() - lastForcedNanos >= FORCE_INTERVAL_MILLIS * 1_000_000) {
        appender.force(false);
        lastForcedNanos = System.nanoTime();
      }
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

  /**
   * Reads the answers of a file whose first line names exactly these determinants; a file that
   * names others (a hash collision, an edited file) is ignored whole: every answer is asked again.
   */
  private void load() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      corrupt += lines.size();
      Files.move(file, file.resolveSibling(file.getFileName() + ".foreign-" + System.currentTimeMillis()));
      return;
    }
    for (String line : lines.subList(1, lines.size())) {
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
  public synchronized void close() {
    try (appender) {
      appender.force(false);
    } catch (IOException e) {
      // every answer was written; one not yet on the disk is only asked again after a machine crash
    }
  }
}
