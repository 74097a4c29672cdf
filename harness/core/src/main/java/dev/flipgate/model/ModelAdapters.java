package dev.flipgate.model;


/** Opens a declared model with the adapter a {@link ModelAdapterProvider} on the class path offers for its type. */
public final class ModelAdapters {
  private static final java.util.List<ModelAdapterProvider> PROVIDERS = java.util.ServiceLoader
      .load(ModelAdapterProvider.class, ModelAdapters.class.getClassLoader()).stream()
      .map(java.util.ServiceLoader.Provider::get).toList();

  private ModelAdapters() {}

  public static ModelAdapter open(ModelDeclaration declaration, ModelContext context) {
    if (!declaration.answersStored() && context.inputLayout().isEmpty()) {
      throw dev.flipgate.failure.Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
          .expected("a golden set that declares the model input (input: in its manifest.yaml), as this model is asked"
              + " for answers")
          .found("a golden set without input: it can only be gated from predictions files or recordings")
          .whatToDo("declare input: { columns: …, shape: … } in the manifest, or gate this model from a predictions file")
          .configurationError("the model has no input to be asked about");
    }
    for (ModelAdapterProvider provider : PROVIDERS) {
      if (provider.declares().isInstance(declaration)) {
        return provider.open(declaration, context);
      }
    }
    throw dev.flipgate.failure.Problem.at(context.suiteFile()).part("model '" + declaration.name() + "'")
        .expected("an adapter for this model type on the class path").found("none for " + declaration.getClass().getSimpleName())
        .whatToDo("add the Flipgate module that serves this model type").configurationError("no adapter for the model");
  }

}
