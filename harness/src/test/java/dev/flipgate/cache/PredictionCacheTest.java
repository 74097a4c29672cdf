package dev.flipgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.ModelIdentity;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prediction cache on disk: answers come back by input content; damaged lines are redone, never trusted. */
class PredictionCacheTest {
  private static final List<String> CLASSES = List.of("cat", "dog");
  private static final ModelIdentity MODEL = new ModelIdentity("m", "onnx", "m.onnx", "ab".repeat(32), 10);

  @TempDir Path directory;

  private static ModelInput input(String id, float... values) {
    return new ModelInput(id, new InputTensor(values, new int[] {values.length}));
  }

  private final List<ModelInput> batch = List.of(input("e1", 0.1f, 0.2f), input("e2", 0.9f, 0.8f));
  private final List<Prediction> answers = List.of(Prediction.of(new ClassScores(CLASSES, new double[] {0.9, 0.1})),
      Prediction.of("dog"));

  @Test
  void answersAreFoundAgainByTheInputsContentAfterReopening() {
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
    }
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      assertThat(cache.get(input("another-id", 0.1f, 0.2f))).contains(answers.get(0));
      assertThat(cache.get(batch.get(1))).contains(answers.get(1));
      assertThat(cache.get(input("e3", 0.5f, 0.5f))).isEmpty();
      assertThat(cache.corruptEntries()).isZero();
    }
  }

  @Test
  void aDamagedLineAndATornLastLineAreSkippedAndTheirExamplesAskedAgain() throws IOException {
    Path file;
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
      file = cache.file();
    }
    String text = Files.readString(file).replaceFirst("\"prediction\":\"dog\"", "\"prediction\":\"cat\"");
    Files.writeString(file, text + "{\"crc\":12,\"entry\":{\"key\":\"", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);

    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      assertThat(cache.corruptEntries()).isEqualTo(2);
      assertThat(cache.get(batch.get(1))).as("the damaged answer is not trusted").isEmpty();
      assertThat(cache.get(batch.get(0))).contains(answers.get(0));
    }
  }

  @Test
  void anotherModelIdentityHasItsOwnAnswers() {
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
    }
    var retrained = new ModelIdentity("m", "onnx", "m.onnx", "cd".repeat(32), 10);
    try (var cache = PredictionCache.open(directory, retrained, CLASSES)) {
      assertThat(cache.get(batch.get(0))).isEmpty();
    }
  }
}
