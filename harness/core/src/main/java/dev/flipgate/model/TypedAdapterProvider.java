package dev.flipgate.model;

import java.util.function.BiFunction;

/** A {@link ModelAdapterProvider} for one declaration type, opening it with one adapter's factory. */
public abstract class TypedAdapterProvider<D extends ModelDeclaration> implements ModelAdapterProvider {
  private final Class<D> type;
  private final BiFunction<D, ModelContext, ? extends ModelAdapter> open;

  protected TypedAdapterProvider(Class<D> type, BiFunction<D, ModelContext, ? extends ModelAdapter> open) {
    this.type = type;
    this.open = open;
  }

  @Override
  public final Class<? extends ModelDeclaration> declares() {
    return type;
  }

  @Override
  public final ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    return open.apply(type.cast(declaration), context);
  }
}
