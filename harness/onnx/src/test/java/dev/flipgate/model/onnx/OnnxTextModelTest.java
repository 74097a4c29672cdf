package dev.flipgate.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled TF-IDF + logistic-regression model run in-process on texts: a string tensor in,
 * P(positive) out as {@code positive-probability}. Its input type must fit the golden set's.
 */
class OnnxTextModelTest {
  private static final Path SUITE = RepositoryPaths.root().resolve("golden-sets/sentiment/suite.yaml");
  private static GoldenSet sentiment;
  private static ModelContext context;

  @BeforeAll
  static void loadTheSentimentGoldenSet() {
    sentiment = GoldenSetLoader.load(RepositoryPaths.root().resolve("golden-sets/sentiment"));
    context = new ModelContext(SUITE, new dev.flipgate.goldenset.Task.Classification(), sentiment.classes(),
        sentiment.inputColumns(), sentiment.inputLayout(), Set.of());
  }

  static ModelDeclaration.Onnx tfidf(ModelDeclaration.OnnxInput input, String kind) {
    return new ModelDeclaration.Onnx("tfidf", "models/tfidf_lr_rt_polarity.onnx", input,
        new ModelDeclaration.OnnxOutput("probability", kind), 64, List.of("negative", "positive"));
  }

  @Test
  void readsTextsAndGivesTwoClassScoresWhoseLabelIsTheMoreLikely() {
    try (var model = OnnxModelAdapter.open(tfidf(new ModelDeclaration.OnnxInput("text", List.of(-1L), null, null, null, null),
        "positive-probability"), context)) {
      List<ModelInput> batch = List.of(new ModelInput("a", InputTensor.ofText("A moving, beautiful and funny film.")),
          new ModelInput("b", InputTensor.ofText("Dull, boring and a waste of time.")),
          new ModelInput("c", InputTensor.ofText("caf\u00e9\u0085 \u00fcber")));
      List<Prediction> answers = model.predict(batch);

      assertThat(answers).extracting(Prediction::label).startsWith("positive", "negative");
      for (Prediction answer : answers) {
        double[] scores = answer.scores().orElseThrow().toArray();
        assertThat(scores[0] + scores[1]).isCloseTo(1.0, within(1e-9));
        assertThat(answer.label()).isEqualTo(scores[1] > scores[0] ? "positive" : "negative");
      }
      // One text asked alone is answered as within a batch: no other text leaks into its features.
      assertThat(model.predict(List.of(batch.get(1))).get(0).scores().orElseThrow().toArray()[1])
          .isCloseTo(answers.get(1).scores().orElseThrow().toArray()[1], within(1e-6));
    }
  }

  @Test
  void refusesNumericSettingsForATextInput() {
    assertThatThrownBy(() -> OnnxModelAdapter.open(tfidf(new ModelDeclaration.OnnxInput("text", List.of(-1L), null, 255.0,
        null, null), "positive-probability"), context))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("numeric input settings for a text input");
  }

  @Test
  void refusesAStringModelOnANumericGoldenSet() {
    GoldenSet mnist = GoldenSetLoader.load(RepositoryPaths.root().resolve("golden-sets/mnist"));
    var numeric = new ModelContext(SUITE, new dev.flipgate.goldenset.Task.Classification(), List.of("negative", "positive"),
        mnist.inputColumns(), mnist.inputLayout(), Set.of());

    assertThatThrownBy(() -> OnnxModelAdapter.open(tfidf(new ModelDeclaration.OnnxInput("text", null, null, null, null, null),
        "positive-probability"), numeric))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("the model's input type does not fit the golden set")
        .hasMessageContaining("declare input.text in the manifest");
  }

  @Test
  void refusesPositiveProbabilityForMoreThanTwoClasses() {
    var three = new ModelContext(SUITE, new dev.flipgate.goldenset.Task.Classification(), List.of("negative", "neutral", "positive"),
        sentiment.inputColumns(), sentiment.inputLayout(), Set.of());
    var declaration = new ModelDeclaration.Onnx("tfidf", "models/tfidf_lr_rt_polarity.onnx",
        new ModelDeclaration.OnnxInput("text", List.of(-1L), null, null, null, null),
        new ModelDeclaration.OnnxOutput("probability", "positive-probability"), 64, List.of("negative", "neutral", "positive"));

    assertThatThrownBy(() -> OnnxModelAdapter.open(declaration, three))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("positive-probability needs two classes");
  }
}
