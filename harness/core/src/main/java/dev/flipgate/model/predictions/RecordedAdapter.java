package dev.flipgate.model.predictions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.declaration.DeclaredPaths;
import dev.flipgate.failure.ModelFailureException;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The deployed model's recorded answers: the gate reads them instead of running the model. The
 * recording must have been made against this very golden set (same sha256), else it is refused:
 * answers to other examples, or to the same ids with other content, would compare nothing. The
 * identity reported is the recorded model's, so provenance still names the model by its hash.
 */
public final class RecordedAdapter extends StoredAnswersAdapter {
  private static final ObjectMapper JSON = dev.flipgate.io.StrictJson.MAPPER;

  private RecordedAdapter(ModelIdentity identity, PredictionRows rows) {
    super(identity, rows);
  }

  public static RecordedAdapter open(ModelDeclaration.Recorded declaration, ModelContext context) {
    Path file = DeclaredPaths.resolveExisting(context.suiteFile(), declaration.file(), "recording");
    var rows = new PredictionRows(file, context.classes(), context.task().isRegression(), context.exampleIndex());
    try (BufferedReader reader = PredictionsFileAdapter.openText(file)) {
      Recording recording = header(file, reader.readLine());
      if (!context.goldenSetSha256().isEmpty() && !recording.goldenSet().sha256().equals(context.goldenSetSha256())) {
        throw Problem.at(file).line(1)
            .expected("a recording of golden set sha256 " + context.goldenSetSha256() + " (the one this suite gates on)")
            .found("golden set " + recording.goldenSet().name() + " " + recording.goldenSet().version() + ", sha256 "
                + recording.goldenSet().sha256() + ", recorded " + recording.recordedAt())
            .whatToDo("record the deployed model again on this golden set: flipgate record <suite with the live deployed model>")
            .configurationError("the recording was made against a different golden set");
      }
      PredictionsJsonLinesReader.read(reader, rows);
      PredictionsFileAdapter.checkCoverage(file, rows, context);
      ModelIdentity model = recording.model();
      var identity = new ModelIdentity(model.name(), "recorded", model.location(), model.sha256(), model.sizeBytes());
      return new RecordedAdapter(identity, rows);
    } catch (IOException e) {
      throw new ModelFailureException(Problem.at(file).whatToDo("check the file is complete, or record again")
          .says("cannot read the recording: " + e.getMessage()), e);
    }
  }

  private static Recording header(Path file, String line) {
    try {
      Recording recording = line == null ? null : JSON.readValue(line, Recording.class);
      if (recording == null || recording.flipgateRecording() != Recording.FORMAT || recording.model() == null
          || recording.goldenSet() == null || recording.goldenSet().sha256() == null) {
        throw new IOException("not a recording header");
      }
      return recording;
    } catch (IOException e) {
      throw Problem.at(file).line(1).expected("a recording header {\"flipgateRecording\": 1, \"model\": …, \"goldenSet\": …}")
          .found(line == null ? "an empty file" : line.substring(0, Math.min(120, line.length())))
          .whatToDo("make recordings with flipgate record; a plain predictions file is type: predictions")
          .configurationError("not a Flipgate recording");
    }
  }
}
