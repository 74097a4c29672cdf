package dev.flipgate.comparison;

import dev.flipgate.statistics.ClopperPearson;
import dev.flipgate.statistics.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A slice's human baseline: of its {@code annotated} examples (those a human answered), how many
 * the human, the deployed model and the candidate got right. The models are counted on the same
 * annotated examples, so each gap compares like with like.
 */
public record HumanAgreement(
    String slice, long annotated, long humanCorrect, long deployedCorrect, long candidateCorrect) {

  public OptionalDouble humanAccuracy() {
    return rate(humanCorrect);
  }

  public OptionalDouble deployedAccuracy() {
    return rate(deployedCorrect);
  }

  public OptionalDouble candidateAccuracy() {
    return rate(candidateCorrect);
  }

  /** How far the candidate falls below people: human accuracy − candidate accuracy (positive: people do better). */
  public OptionalDouble candidateGap() {
    return annotated == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (humanCorrect - candidateCorrect) / annotated);
  }

  /** Human accuracy's exact (Clopper–Pearson) interval at {@code level}; empty without annotated examples. */
  public Optional<Interval> humanInterval(double level) {
    return annotated == 0 ? Optional.empty() : Optional.of(ClopperPearson.interval(humanCorrect, annotated, level));
  }

  private OptionalDouble rate(long correct) {
    return annotated == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / annotated);
  }
}
