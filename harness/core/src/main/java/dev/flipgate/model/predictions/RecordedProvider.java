package dev.flipgate.model.predictions;

import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.TypedAdapterProvider;

/** Opens {@code type: Recorded} declarations: a recording made by flipgate record or promote. */
public final class RecordedProvider extends TypedAdapterProvider<ModelDeclaration.Recorded> {
  public RecordedProvider() {
    super(ModelDeclaration.Recorded.class, RecordedAdapter::open);
  }
}
