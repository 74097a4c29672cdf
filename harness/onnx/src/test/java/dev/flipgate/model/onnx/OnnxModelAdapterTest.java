package dev.flipgate.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bundled MNIST models, run in-process by ONNX Runtime on real golden-set images. */
class OnnxModelAdapterTest {
  private static GoldenSet mnist;
  private static ModelContext context;
  private static List<ModelInput> firstTen;

  @BeforeAll
  static void loadTheMnistGoldenSet() {
    mnist = GoldenSetLoader.load(RepositoryPaths.root().resolve("golden-sets/mnist"));
    context = new ModelContext(RepositoryPaths.mnistSuite(), new dev.flipgate.goldenset.Task.Classification(), mnist.classes(), mnist.inputColumns(), mnist.inputLayout(), Set.of());
    firstTen = mnist.examples().subList(0, 10).stream().map(e -> new ModelInput(e.id(), e.input())).toList();
  }

  static ModelDeclaration.Onnx mnist8(String inputName, List<Long> shape, int batchSize) {
    return new ModelDeclaration.Onnx("mnist-8", "models/mnist-8.onnx",
        new ModelDeclaration.OnnxInput(inputName, shape, "NCHW", 1.0, 0.0, null),
        new ModelDeclaration.OnnxOutput("Plus214_Output_0", "logits"), batchSize, null);
  }

  static ModelDeclaration.Onnx cnn(int batchSize) {
    return new ModelDeclaration.Onnx("cnn", "models/tribuo-pytorch_cnn_mnist.onnx",
        new ModelDeclaration.OnnxInput("input_image", List.of(-1L, 1L, 28L, 28L), "NCHW", null, null, null),
        new ModelDeclaration.OnnxOutput("output_probs", "log-probabilities"), batchSize, null);
  }

  @Nested
  class Answering {
    @Test
    void turnsLogitsIntoProbabilitiesAndReadsTheTestImagesRight() {
      try (var model = OnnxModelAdapter.open(mnist8("Input3", List.of(1L, 1L, 28L, 28L), 1), context)) {
        List<Prediction> answers = firstTen.stream().flatMap(input -> model.predict(List.of(input)).stream()).toList();

        assertThat(answers).extracting(Prediction::label)
            .containsExactlyElementsOf(mnist.examples().subList(0, 10).stream().map(e -> e.label()).toList());
        answers.forEach(a -> assertThat(Arrays.stream(a.scores().orElseThrow().toArray()).sum()).isCloseTo(1.0, within(1e-9)));
        assertThat(model.identity().sha256()).isEqualTo("2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf");
      }
    }

    @Test
    void givesTheSameAnswersInOneBatchAsOneByOne() {
      try (var model = OnnxModelAdapter.open(cnn(10), context)) {
        List<Prediction> batched = model.predict(firstTen);
        List<Prediction> single = firstTen.stream().flatMap(input -> model.predict(List.of(input)).stream()).toList();

        assertThat(batched).extracting(Prediction::label).containsExactlyElementsOf(single.stream().map(Prediction::label).toList());
        for (int i = 0; i < 10; i++) {
          assertThat(batched.get(i).confidence().getAsDouble()).isCloseTo(single.get(i).confidence().getAsDouble(), within(1e-5));
        }
      }
    }

    @Test
    void readsALabelOutputAsTheClassItNames(@TempDir Path directory) throws Exception {
      Files.copy(RepositoryPaths.testResource("models/mnist-8-argmax-label.onnx"), directory.resolve("m.onnx"));
      var here = new ModelContext(directory.resolve("suite.yaml"), new dev.flipgate.goldenset.Task.Classification(),
          mnist.classes(), mnist.inputColumns(), mnist.inputLayout(), Set.of());
      var labels = new ModelDeclaration.Onnx("mnist-8-argmax", "m.onnx",
          new ModelDeclaration.OnnxInput("Input3", List.of(1L, 1L, 28L, 28L), "NCHW", null, null, null),
          new ModelDeclaration.OnnxOutput("label", "label"), 1, null);

      try (var model = OnnxModelAdapter.open(labels, here);
          var logits = OnnxModelAdapter.open(mnist8("Input3", List.of(1L, 1L, 28L, 28L), 1), context)) {
        for (ModelInput input : firstTen) {
          Prediction answer = model.predict(List.of(input)).get(0);
          assertThat(answer.label()).isEqualTo(logits.predict(List.of(input)).get(0).label());
          assertThat(answer.scores()).isEmpty();
        }
      }
    }

    @Test
    void readsProbabilityOutputsOfATabularModel(@TempDir Path directory) throws Exception {
      Files.copy(RepositoryPaths.testResource("models/breast_cancer-logreg.onnx"), directory.resolve("m.onnx"));
      var layout = new dev.flipgate.goldenset.InputLayout(new int[] {30}, dev.flipgate.goldenset.InputLayout.Order.FLAT);
      var tabular = new ModelContext(directory.resolve("suite.yaml"), new dev.flipgate.goldenset.Task.Classification(), List.of("malignant", "benign"), List.of(), layout, Set.of());
      var declaration = new ModelDeclaration.Onnx("logreg", "m.onnx", new ModelDeclaration.OnnxInput("input", null, null, null, null, null),
          new ModelDeclaration.OnnxOutput("output", "probabilities"), 4, List.of("benign", "malignant"));

      try (var model = OnnxModelAdapter.open(declaration, tabular)) {
        float[] zeros = new float[30];
        Prediction answer = model.predict(List.of(new ModelInput("r0", new dev.flipgate.goldenset.InputTensor(zeros, new int[] {30})))).get(0);

        double[] scores = answer.scores().orElseThrow().toArray();
        assertThat(scores[0] + scores[1]).isCloseTo(1.0, within(1e-6));
        assertThat(answer.scores().orElseThrow().classes()).containsExactly("malignant", "benign");
      }
    }
  }

  @Nested
  class RefusingADeclarationThatDoesNotFitTheModel {
    @Test
    void namesTheGraphsInputsWhenTheInputNameIsWrong() {
      assertThatThrownBy(() -> OnnxModelAdapter.open(mnist8("image", List.of(1L, 1L, 28L, 28L), 1), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("suite.yaml")
          .hasMessageContaining("unknown model input")
          .hasMessageContaining("'image'")
          .hasMessageContaining("[Input3]");
    }

    @Test
    void showsTheGraphsShapeWhenTheShapeIsWrong() {
      assertThatThrownBy(() -> OnnxModelAdapter.open(mnist8("Input3", List.of(1L, 1L, 14L, 56L), 1), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("wrong input shape")
          .hasMessageContaining("[1, 1, 28, 28]")
          .hasMessageContaining("[1, 1, 14, 56]");
    }

    @Test
    void saysMnist8OnlyAcceptsBatchesOfOne() {
      assertThatThrownBy(() -> OnnxModelAdapter.open(mnist8("Input3", List.of(1L, 1L, 28L, 28L), 8), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("only accepts batches of 1")
          .hasMessageContaining("set batchSize: 1");
    }

    @Test
    void refusesAFileThatIsNotOnnx(@TempDir Path directory) throws Exception {
      Files.writeString(directory.resolve("model.onnx"), "this is not a model");
      var declaration = new ModelDeclaration.Onnx("fake", "model.onnx", new ModelDeclaration.OnnxInput("Input3", null, null, null, null, null),
          new ModelDeclaration.OnnxOutput("out", "logits"), 1, null);
      var here = new ModelContext(directory.resolve("suite.yaml"), new dev.flipgate.goldenset.Task.Classification(), mnist.classes(), mnist.inputColumns(), mnist.inputLayout(), Set.of());

      assertThatThrownBy(() -> OnnxModelAdapter.open(declaration, here))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("model.onnx")
          .hasMessageContaining("not a loadable ONNX model");
    }

    @Test
    void refusesAnUnknownOutputKind() {
      var declaration = new ModelDeclaration.Onnx("cnn", "models/tribuo-pytorch_cnn_mnist.onnx",
          new ModelDeclaration.OnnxInput("input_image", null, "NCHW", null, null, null),
          new ModelDeclaration.OnnxOutput("output_probs", "softmax"), 8, null);

      assertThatThrownBy(() -> OnnxModelAdapter.open(declaration, context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'softmax'")
          .hasMessageContaining("[logits, probabilities, log-probabilities, label, positive-probability, value]");
    }
  }
}
