package dev.flipgate.model.kserve;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapterProvider;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;

/** Opens {@code type: KServeV2} declarations: a model behind an Open Inference Protocol (KServe v2) endpoint. */
public final class KServeV2Provider implements ModelAdapterProvider {
  @Override
  public Class<? extends ModelDeclaration> declares() {
    return ModelDeclaration.KServeV2.class;
  }

  @Override
  public ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return KServeV2Adapter.open((ModelDeclaration.KServeV2) declaration, context);
  }
}
