package dev.flipgate.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.io.AtomicFiles;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapters;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.Prediction;
import dev.flipgate.model.predictions.Recording;
import dev.flipgate.provenance.HarnessVersion;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code flipgate record}: runs a suite's deployed model once over its golden set and stores the
 * answers with the model's identity and the golden set's sha256, so later gates can compare a
 * candidate with them without running the deployed model.
 */
public final class Recorder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final ProgressListener progress;

  public Recorder(Clock clock, ProgressListener progress) {
    this.clock = clock;
    this.progress = progress;
  }

  /** Where a suite's recording goes by default: {@code recordings/<deployed name>.recording.jsonl} beside the suite. */
  public static Path defaultFile(Suite suite) {
    return defaultFile(suite, suite.deployed());
  }

  /** Where a recording of {@code model} goes by default: {@code recordings/<its name>.recording.jsonl} beside the suite. */
  public static Path defaultFile(Suite suite, ModelDeclaration model) {
    return suite.file().getParent().resolve("recordings")
        .resolve(model.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".recording.jsonl");
  }

  /** Records and returns the file written. */
  public Recording record(Path suiteFile, Path target) {
    Suite suite = SuiteReader.read(suiteFile);
    return record(suite, suite.loadGoldenSet(), suite.deployed(), "deployed", target, identity -> { });
  }

  /** The identity of {@code model} of the suite, on its loaded golden set, as it opens now (nothing is asked of it). */
  public dev.flipgate.model.ModelIdentity identityOf(Suite suite, GoldenSet goldenSet, ModelDeclaration model) {
    try (ModelAdapter opened = ModelAdapters.open(model, RunInputs.of(suite, goldenSet).context())) {
      return opened.identity();
    }
  }

  /**
   * Records {@code model} of the suite (its deployed model or a candidate) over its loaded golden
   * set, after {@code check} has accepted the identity of the model as opened (before it is asked anything).
   */
  public Recording record(Suite suite, GoldenSet goldenSet, ModelDeclaration model, String role, Path target,
      java.util.function.Consumer<dev.flipgate.model.ModelIdentity> check) {
    if (model instanceof ModelDeclaration.Recorded) {
      throw Problem.at(suite.file()).part(role).expected("a model that runs: onnx, kserve-v2 or subprocess")
          .found("a recording").whatToDo("record from a suite whose " + role + " model is the live one")
          .configurationError("the " + role + " model is already a recording");
    }
    var runInputs = RunInputs.of(suite, goldenSet);
    List<ModelInput> inputs = runInputs.inputs();
    try (ModelAdapter recorded = ModelAdapters.open(model, runInputs.context())) {
      check.accept(recorded.identity());
      Map<String, Prediction> answers = PredictionCollector.predictAll(role, recorded, inputs, progress);
      recorded.confirmUnchanged();
      var recording = new Recording(Recording.FORMAT, recorded.identity(),
          new Recording.GoldenSetRef(goldenSet.name(), goldenSet.version(), goldenSet.sha256()),
          clock.instant().toString(), HarnessVersion.current(), suite.name());
      write(recording, inputs, answers, target);
      return recording;
    }
  }

  private static void write(Recording recording, List<ModelInput> inputs, Map<String, Prediction> answers, Path target) {
    var out = new ByteArrayOutputStream();
    try {
      out.write(JSON.writeValueAsBytes(recording));
      out.write('\n');
      for (ModelInput input : inputs) {
        Prediction prediction = answers.get(input.exampleId());
        ObjectNode line = JSON.createObjectNode().put("id", input.exampleId()).put("prediction", prediction.label());
        prediction.scores().ifPresent(scores -> {
          ObjectNode node = line.putObject("scores");
          double[] values = scores.toArray();
          for (int c = 0; c < values.length; c++) {
            node.put(scores.classes().get(c), values[c]);
          }
        });
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
      }
      AtomicFiles.write(target, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recording " + target + ": " + e.getMessage(), e);
    }
  }
}
