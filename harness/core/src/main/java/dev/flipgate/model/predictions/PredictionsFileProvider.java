package dev.flipgate.model.predictions;

import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.TypedAdapterProvider;

/** Opens {@code type: PredictionsFile} declarations: a predictions file (CSV, JSON lines or Parquet). */
public final class PredictionsFileProvider extends TypedAdapterProvider<ModelDeclaration.PredictionsFile> {
  public PredictionsFileProvider() {
    super(ModelDeclaration.PredictionsFile.class, PredictionsFileAdapter::open);
  }
}
