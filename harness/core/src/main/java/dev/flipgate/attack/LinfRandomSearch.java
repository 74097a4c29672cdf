package dev.flipgate.attack;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.Prediction;
import dev.flipgate.perturbation.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * L∞ random search: inputs within {@code epsilon} of the source in every value, each a corner of
 * the box (every value moved by ±epsilon, signs drawn at random, clipped into the valid range),
 * asked {@code batch} at a time until one fools the model or the budget is spent. The weakest
 * black-box baseline: an attack that beats it is searching, not sampling.
 *
 * <pre>method: { kind: linf-random, epsilon: 16, budget: 100 }</pre>
 */
public record LinfRandomSearch(Double epsilon, Integer budget, Integer batch) implements Attack {
  public static final String KIND = "linf-random";

  @Override
  public int queryBudget() {
    return budget;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    if (epsilon == null || !(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw where.expected("epsilon: the largest change of any value, above 0").found(String.valueOf(epsilon))
          .whatToDo("fix epsilon").configurationError("attack parameter out of range");
    }
    if (budget == null || budget < 1) {
      throw where.expected("budget: at least 1 query per example").found(String.valueOf(budget)).whatToDo("raise the budget")
          .configurationError("attack parameter out of range");
    }
    if (batch != null && batch < 1) {
      throw where.expected("batch: at least 1").found(String.valueOf(batch)).whatToDo("fix batch")
          .configurationError("attack parameter out of range");
    }
  }

  @Override
  public AttackComparison.Outcome attack(float[] source, String label, Oracle model, Inputs inputs, double[] range,
      SplittableRandom random) {
    int step = batch == null ? 20 : batch;
    int queries = 0;
    float[] bestInput = source;
    Prediction bestAnswer = null;
    double bestBelief = Double.MAX_VALUE;
    while (queries < budget) {
      int size = Math.min(step, budget - queries);
      List<float[]> tried = new ArrayList<>(size);
      for (int t = 0; t < size; t++) {
        float[] input = new float[source.length];
        for (int i = 0; i < input.length; i++) {
          input[i] = Search.clip(source[i] + (random.nextBoolean() ? epsilon : -epsilon), range);
        }
        tried.add(input);
      }
      List<Prediction> answers = model.ask(tried);
      queries += size;
      for (int t = 0; t < size; t++) {
        double belief = Search.belief(answers.get(t), label);
        if (belief < bestBelief) {
          bestBelief = belief;
          bestInput = tried.get(t);
          bestAnswer = answers.get(t);
        }
      }
      if (bestBelief < 0) {
        break;
      }
    }
    return Search.outcome(bestBelief < 0, queries, bestAnswer, source, bestInput);
  }

  @Override
  public String describe() {
    return "L∞ random search (ε = " + epsilon + ", " + budget + " queries an example)";
  }
}
