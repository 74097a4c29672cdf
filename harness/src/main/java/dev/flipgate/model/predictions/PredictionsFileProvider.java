package dev.flipgate.model.predictions;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapterProvider;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;

/** Opens {@code type: PredictionsFile} declarations: a predictions file (CSV, JSON lines or Parquet). */
public final class PredictionsFileProvider implements ModelAdapterProvider {
  @Override
  public Class<? extends ModelDeclaration> declares() {
    return ModelDeclaration.PredictionsFile.class;
  }

  @Override
  public ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return PredictionsFileAdapter.open((ModelDeclaration.PredictionsFile) declaration, context);
  }
}
