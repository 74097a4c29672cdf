package dev.flipgate.run;

import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelAdapters;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the deployed model and the candidate. Two stored-answer files (predictions, recordings)
 * are read and checked at the same time, one per core: at a million rows each that is most of
 * a gate. Other models open one after the other, as before. Either way the outcome is the same
 * as opening in order: the deployed model's failure wins, and nothing opened is left open.
 */
final class BothModels {
  private BothModels() {}

  /** @return the deployed model, then the candidate */
  static ModelAdapter[] open(ModelDeclaration deployed, ModelDeclaration candidate, ModelContext context) {
    if (!deployed.answersStored() || !candidate.answersStored()) {
      ModelAdapter first = ModelAdapters.open(deployed, context);
      try {
        return new ModelAdapter[] {first, ModelAdapters.open(candidate, context)};
      } catch (RuntimeException e) {
        first.close();
        throw e;
      }
    }
    CompletableFuture<ModelAdapter> second = CompletableFuture.supplyAsync(() -> ModelAdapters.open(candidate, context));
    ModelAdapter first;
    try {
      first = ModelAdapters.open(deployed, context);
    } catch (RuntimeException e) {
      try {
        second.join().close();
      } catch (CompletionException ignored) {
        // The deployed model's failure is the one reported, as when opening in order.
      }
      throw e;
    }
    try {
      return new ModelAdapter[] {first, second.join()};
    } catch (CompletionException e) {
      first.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
