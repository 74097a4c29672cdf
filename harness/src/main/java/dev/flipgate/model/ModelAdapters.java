package dev.flipgate.model;

import dev.flipgate.model.onnx.OnnxModelAdapter;
import dev.flipgate.model.predictions.PredictionsFileAdapter;

/** The one place that knows every kind of model adapter. */
public final class ModelAdapters {
  private ModelAdapters() {}

  public static ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    if (!declaration.answersStored() && context.inputLayout().isEmpty()) {
      throw dev.flipgate.failure.Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
          .expected("a golden set that declares the model input (input: in its manifest.yaml), as this model is asked"
              + " for answers")
          .found("a golden set without input: it can only be gated from predictions files or recordings")
          .whatToDo("declare input: { columns: …, shape: … } in the manifest, or gate this model from a predictions file")
          .configurationError("the model has no input to be asked about");
    }
    // Java 17 has no pattern switch; the sealed interface keeps this list closed.
    if (declaration instanceof ModelDeclaration.Onnx onnx) {
      return OnnxModelAdapter.open(onnx, context);
    }
    if (declaration instanceof ModelDeclaration.PredictionsFile file) {
      return PredictionsFileAdapter.open(file, context);
    }
    if (declaration instanceof ModelDeclaration.KServeV2 kserve) {
      return dev.flipgate.model.kserve.KServeV2Adapter.open(kserve, context);
    }
    if (declaration instanceof ModelDeclaration.Subprocess subprocess) {
      return dev.flipgate.model.subprocess.SubprocessAdapter.open(subprocess, context);
    }
    if (declaration instanceof ModelDeclaration.Recorded recorded) {
      return dev.flipgate.model.predictions.RecordedAdapter.open(recorded, context);
    }
    throw new IllegalStateException("no adapter for " + declaration.getClass());
  }
}
