package dev.flipgate.model.subprocess;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapterProvider;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;

/** Opens {@code type: Subprocess} declarations: a model served by a process over stdin and stdout. */
public final class SubprocessProvider implements ModelAdapterProvider {
  @Override
  public Class<? extends ModelDeclaration> declares() {
    return ModelDeclaration.Subprocess.class;
  }

  @Override
  public ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return SubprocessAdapter.open((ModelDeclaration.Subprocess) declaration, context);
  }
}
