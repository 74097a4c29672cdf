package dev.flipgate.model.predictions;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapterProvider;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;

/** Opens {@code type: Recorded} declarations: a recording made by flipgate record or promote. */
public final class RecordedProvider implements ModelAdapterProvider {
  @Override
  public Class<? extends ModelDeclaration> declares() {
    return ModelDeclaration.Recorded.class;
  }

  @Override
  public ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return RecordedAdapter.open((ModelDeclaration.Recorded) declaration, context);
  }
}
