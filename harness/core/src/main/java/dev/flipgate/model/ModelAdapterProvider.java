package dev.flipgate.model;

/**
 * Opens the adapters of one kind of model declaration. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.flipgate.model.ModelAdapterProvider}), so an adapter's module adds
 * its model type by being on the class path, and this package knows no adapter.
 */
public interface ModelAdapterProvider {

  /** The declaration type this provider opens, e.g. {@code ModelDeclaration.Onnx}. */
  Class<? extends ModelDeclaration> declares();

  ModelAdapter open(ModelDeclaration declaration, ModelContext context);
}
