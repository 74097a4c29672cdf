package dev.flipgate.model.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileAdapterTest {
  @TempDir Path directory;
  private ModelContext context;
  private final List<ModelInput> inputs = List.of(input("a"), input("b"));

  @BeforeEach
  void givenAGoldenSetOfTwoExamplesAndThreeClasses() {
    context = new ModelContext(directory.resolve("suite.yaml"), new dev.flipgate.goldenset.Task.Classification(), List.of("x", "y", "z"), List.of("v"),
        new InputLayout(new int[] {1}, InputLayout.Order.FLAT), Set.of("a", "b"));
  }

  private static ModelInput input(String id) {
    return new ModelInput(id, new InputTensor(new float[] {0}, new int[] {1}));
  }

  private List<Prediction> predict(String file) {
    try (var adapter = PredictionsFileAdapter.open(new ModelDeclaration.PredictionsFile("recorded", file), context)) {
      return adapter.predict(inputs);
    }
  }

  @Test
  void csvAndJsonLinesGiveTheSamePredictions() throws IOException {
    Files.writeString(directory.resolve("p.csv"), "id,prediction,score_x,score_y,score_z\nb,z,0.1,0.2,0.7\na,x,0.6,0.3,0.1\n");
    Files.writeString(directory.resolve("p.jsonl"), """
        {"id": "a", "prediction": "x", "scores": {"x": 0.6, "y": 0.3, "z": 0.1}}

        {"id": "b", "prediction": "z", "scores": {"z": 0.7, "y": 0.2, "x": 0.1}}
        """);

    List<Prediction> fromCsv = predict("p.csv");

    assertThat(fromCsv).isEqualTo(predict("p.jsonl"));
    assertThat(fromCsv).extracting(Prediction::label).containsExactly("x", "z");
    assertThat(fromCsv.get(1).confidence().getAsDouble()).isEqualTo(0.7);
  }

  @Test
  void scoresAreOptionalAndFilesMayBeCompressed() throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("p.csv.gz")))) {
      out.write("id,prediction\na,y\nb,y\n".getBytes(StandardCharsets.UTF_8));
    }

    List<Prediction> predictions = predict("p.csv.gz");

    assertThat(predictions).extracting(Prediction::label).containsExactly("y", "y");
    assertThat(predictions.get(0).scores()).isEmpty();
    assertThat(predictions.get(0).confidence()).isEmpty();
  }

  @Test
  void identifiesTheModelByTheFilesContent() throws IOException {
    Files.writeString(directory.resolve("p.csv"), "id,prediction\na,y\nb,y\n");

    try (var adapter = PredictionsFileAdapter.open(new ModelDeclaration.PredictionsFile("recorded", "p.csv"), context)) {
      assertThat(adapter.identity().kind()).isEqualTo("predictions-file");
      assertThat(adapter.identity().sha256()).isEqualTo(dev.flipgate.io.Sha256.ofBytes(
          "id,prediction\na,y\nb,y\n".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void refusesScoreColumnsForOnlySomeClasses() throws IOException {
    Files.writeString(directory.resolve("p.csv"), "id,prediction,score_x,score_y\na,x,0.6,0.4\nb,y,0.1,0.9\n");

    assertThatThrownBy(() -> predict("p.csv")).isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("p.csv, line 1").hasMessageContaining("[score_x, score_y, score_z]");
  }

  @Test
  void refusesADuplicatePrediction() throws IOException {
    Files.writeString(directory.resolve("p.csv"), "id,prediction\na,x\nb,y\na,z\n");

    assertThatThrownBy(() -> predict("p.csv")).isInstanceOf(ModelFailureException.class)
        .hasMessageContaining("p.csv, line 4, example a").hasMessageContaining("another on line 2");
  }
}
