package dev.flipgate.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** A model's answer for one example: the label, and the class scores when the model gives them. */
public record Prediction(String label, Optional<ClassScores> scores) {

  public Prediction {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scores, "scores");
  }

  public static Prediction of(String label) {
    return new Prediction(label, Optional.empty());
  }

  public static Prediction of(ClassScores scores) {
    return new Prediction(scores.best(), Optional.of(scores));
  }

  /** The score of the predicted label: how sure the model was of its answer. */
  public OptionalDouble confidence() {
    return scores.map(s -> OptionalDouble.of(s.of(label))).orElse(OptionalDouble.empty());
  }
}
