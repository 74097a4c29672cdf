package dev.flipgate.model.kserve;

import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.TypedAdapterProvider;

/** Opens {@code type: KServeV2} declarations: a model behind an Open Inference Protocol (KServe v2) endpoint. */
public final class KServeV2Provider extends TypedAdapterProvider<ModelDeclaration.KServeV2> {
  public KServeV2Provider() {
    super(ModelDeclaration.KServeV2.class, KServeV2Adapter::open);
  }
}
