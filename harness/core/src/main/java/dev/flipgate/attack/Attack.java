package dev.flipgate.attack;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.failure.Problem;
import dev.flipgate.perturbation.Inputs;
import java.util.SplittableRandom;

/**
 * A black-box search for an input change that makes a model answer wrongly, within a budget of
 * queries, as a suite declares it under {@code attacks[].method} by its {@code kind}. It sees only
 * the model's answers (and scores, when it gives them); the same random stream gives the same
 * search. A new kind is one record here plus its test.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PixelAttack.class, name = PixelAttack.KIND),
  @JsonSubTypes.Type(value = LinfRandomSearch.class, name = LinfRandomSearch.KIND)
})
public sealed interface Attack permits PixelAttack, LinfRandomSearch {

  /** @throws dev.flipgate.failure.ConfigurationException at {@code where} */
  void validate(Inputs inputs, Problem.Builder where);

  /** Queries per attacked example, at most. */
  int queryBudget();

  /**
   * Attacks one example the model answers correctly as {@code label}: searches within the budget,
   * stopping at the first input the model answers otherwise.
   */
  AttackComparison.Outcome attack(float[] source, String label, Oracle model, Inputs inputs, double[] range,
      SplittableRandom random);

  String describe();
}
