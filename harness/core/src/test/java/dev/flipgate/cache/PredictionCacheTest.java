package dev.flipgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ClassScores;
import dev.flipgate.model.AnswerKey;
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
  private static final AnswerKey MODEL = AnswerKey.of("onnx").with("model sha256", "ab".repeat(32)).with("scale", 1.0);

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
  void aTextIsFoundAgainOnlyByItsExactCharacters() {
    var texts = List.of(new ModelInput("t1", InputTensor.ofText("Good phone\u0085really")),
        new ModelInput("t2", InputTensor.ofText("caf\u00e9")));
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(texts, answers);
    }
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      assertThat(cache.get(new ModelInput("other", InputTensor.ofText("Good phone\u0085really")))).contains(answers.get(0));
      assertThat(cache.get(new ModelInput("t2", InputTensor.ofText("caf\u00e9")))).contains(answers.get(1));
      // Case, a line separator, a trailing space and Unicode normalisation are all other questions to a model.
      for (String near : List.of("good phone\u0085really", "Good phone\nreally", "Good phone\u0085really ", "cafe\u0301")) {
        assertThat(cache.get(new ModelInput("near", InputTensor.ofText(near)))).as(near).isEmpty();
      }
      assertThat(cache.corruptEntries()).isZero();
    }
    assertThat(PredictionCache.key(InputTensor.ofText(""))).as("no text shares a key with an empty numeric input")
        .isNotEqualTo(PredictionCache.key(new InputTensor(new float[0], new int[] {0})));
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
  void anotherModelFileHasItsOwnAnswers() {
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
    }
    var retrained = AnswerKey.of("onnx").with("model sha256", "cd".repeat(32)).with("scale", 1.0);
    try (var cache = PredictionCache.open(directory, retrained, CLASSES)) {
      assertThat(cache.get(batch.get(0))).isEmpty();
    }
  }

  @Test
  void theSameModelFileWithAnotherInputPreparationHasItsOwnAnswers() {
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
    }
    var rescaled = AnswerKey.of("onnx").with("model sha256", "ab".repeat(32)).with("scale", 255.0);
    try (var cache = PredictionCache.open(directory, rescaled, CLASSES)) {
      assertThat(cache.get(batch.get(0))).isEmpty();
    }
  }

  @Test
  void theFileBeginsWithTheDeterminantsOfItsAnswers() throws IOException {
    Path file;
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
      file = cache.file();
    }
    assertThat(Files.readAllLines(file).get(0)).isEqualTo(
        "{\"determinants\":{\"adapter\":\"onnx\",\"model sha256\":\"" + "ab".repeat(32) + "\",\"scale\":\"1.0\"}}");
  }

  @Test
  void aFileWhoseDeterminantsDifferFromItsNameIsSetAsideWhole() throws IOException {
    Path file;
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
      file = cache.file();
    }
    Files.writeString(file, Files.readString(file).replace("\"scale\":\"1.0\"", "\"scale\":\"2.0\""));

    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      assertThat(cache.get(batch.get(0))).isEmpty();
      assertThat(cache.corruptEntries()).isEqualTo(3);
    }
  }

  @Test
  void discardingForgetsEveryAnswerAndKeepsTheStaleFileForInspection() throws IOException {
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      cache.put(batch, answers);
      cache.discard();
      assertThat(cache.get(batch.get(0))).isEmpty();
    }
    try (var cache = PredictionCache.open(directory, MODEL, CLASSES)) {
      assertThat(cache.get(batch.get(0))).isEmpty();
      assertThat(cache.corruptEntries()).isZero();
    }
    try (var files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.contains(".jsonl.stale-"));
    }
  }
}
