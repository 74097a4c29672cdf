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
        .expected("an adapter for model type '" + typeOf(declaration) + "' on the class path")
        .found("none: " + declaration.artifact() + " is not on it")
        .whatToDo("add " + declaration.artifact() + " to the class path (a model repository: as a test dependency;"
            + " the flipgate command and its release have every model type)")
        .configurationError("no adapter for the model");
  }

  /** The model's {@code type:} as the suite writes it. */
  private static String typeOf(ModelDeclaration declaration) {
    for (var type : ModelDeclaration.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
      if (type.value() == declaration.getClass()) {
        return type.name();
      }
    }
    return declaration.getClass().getSimpleName();
  }

}
