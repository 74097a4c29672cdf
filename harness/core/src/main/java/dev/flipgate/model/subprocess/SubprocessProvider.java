package dev.flipgate.model.subprocess;

import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.TypedAdapterProvider;

/** Opens {@code type: Subprocess} declarations: a model served by a process over stdin and stdout. */
public final class SubprocessProvider extends TypedAdapterProvider<ModelDeclaration.Subprocess> {
  public SubprocessProvider() {
    super(ModelDeclaration.Subprocess.class, SubprocessAdapter::open);
  }
}
