package dev.flipgate.model.onnx;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapterProvider;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;

/** Opens {@code type: Onnx} declarations: ONNX models, run in-process with ONNX Runtime. */
public final class OnnxProvider implements ModelAdapterProvider {
  @Override
  public Class<? extends ModelDeclaration> declares() {
    return ModelDeclaration.Onnx.class;
  }

  @Override
  public ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return OnnxModelAdapter.open((ModelDeclaration.Onnx) declaration, context);
  }
}
