package dev.flipgate.model.onnx;

import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.TypedAdapterProvider;

/** Opens {@code type: Onnx} declarations: ONNX models, run in-process with ONNX Runtime. */
public final class OnnxProvider extends TypedAdapterProvider<ModelDeclaration.Onnx> {
  public OnnxProvider() {
    super(ModelDeclaration.Onnx.class, OnnxModelAdapter::open);
  }
}
