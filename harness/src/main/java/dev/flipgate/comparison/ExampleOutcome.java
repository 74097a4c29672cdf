package dev.flipgate.comparison;

import dev.flipgate.model.Prediction;
import java.util.Objects;

/** One example as both models answered it. */
public record ExampleOutcome(String id, String label, Prediction deployed, Prediction candidate) {

  public ExampleOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(deployed, "deployed");
    Objects.requireNonNull(candidate, "candidate");
  }

  public FlipKind kind() {
    return FlipKind.of(label.equals(deployed.label()), label.equals(candidate.label()));
  }
}
