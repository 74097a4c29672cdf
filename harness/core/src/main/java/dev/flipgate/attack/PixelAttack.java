package dev.flipgate.attack;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.failure.Problem;
import dev.flipgate.model.Prediction;
import dev.flipgate.perturbation.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The one-pixel attack (Su, Vargas and Sakurai 2019), or {@code pixels}-pixel: differential
 * evolution over (x, y, value) for each changed pixel. A population of candidate changes is
 * evolved by DE/rand/1 (child = a + F·(b − c), F = 0.5, no crossover, as in the paper); a child
 * replaces its parent when the model believes the true label less. The first generation is drawn
 * uniformly (positions over the image, values over the valid range). It stops at the first input
 * the model answers wrongly, or when the budget of queries is spent.
 *
 * <pre>method: { kind: pixels, pixels: 1, population: 40, budget: 400 }</pre>
 */
public record PixelAttack(Integer pixels, Integer population, Integer budget) implements Attack {
  public static final String KIND = "pixels";
  private static final double F = 0.5;

  @Override
  public int queryBudget() {
    return budget;
  }

  @Override
  public void validate(Inputs inputs, Problem.Builder where) {
    if (inputs.layout().order() != dev.flipgate.goldenset.InputLayout.Order.HWC) {
      throw where.expected("an image input (layout: HWC) for a pixel attack").found("layout " + inputs.layout().order())
          .whatToDo("attack images only").configurationError("attack does not suit the inputs");
    }
    if (pixels == null || pixels < 1 || pixels > inputs.height() * inputs.width()) {
      throw where.expected("pixels: from 1 to the number of pixels").found(String.valueOf(pixels)).whatToDo("fix pixels")
          .configurationError("attack parameter out of range");
    }
    if (population == null || population < 4) {
      throw where.expected("population: at least 4 (differential evolution draws three others)")
          .found(String.valueOf(population)).whatToDo("fix population").configurationError("attack parameter out of range");
    }
    if (budget == null || budget < population) {
      throw where.expected("budget: at least one generation (population " + population + ") of queries per example")
          .found(String.valueOf(budget)).whatToDo("raise the budget").configurationError("attack parameter out of range");
    }
  }

  @Override
  public AttackComparison.Outcome attack(float[] source, String label, Oracle model, Inputs inputs, double[] range,
      SplittableRandom random) {
    int dims = 3 * pixels;
    double[][] agents = new double[population][dims];
    for (double[] agent : agents) {
      for (int p = 0; p < pixels; p++) {
        agent[3 * p] = random.nextDouble() * inputs.width();
        agent[3 * p + 1] = random.nextDouble() * inputs.height();
        agent[3 * p + 2] = range[0] + random.nextDouble() * (range[1] - range[0]);
      }
    }
    double[] belief = new double[population];
    int queries = 0;
    Found best = null;
    List<Found> first = evaluate(agents, source, label, model, inputs, range);
    queries += population;
    for (int i = 0; i < population; i++) {
      belief[i] = first.get(i).belief();
      best = better(best, first.get(i));
    }
    while (!best.fooled() && queries + population <= budget) {
      double[][] children = new double[population][];
      for (int i = 0; i < population; i++) {
        int a;
        int b;
        int c;
        do {
          a = random.nextInt(population);
          b = random.nextInt(population);
          c = random.nextInt(population);
        } while (a == i || b == i || c == i || a == b || b == c || a == c);
        children[i] = new double[dims];
        for (int d = 0; d < dims; d++) {
          children[i][d] = agents[a][d] + F * (agents[b][d] - agents[c][d]);
        }
      }
      List<Found> tried = evaluate(children, source, label, model, inputs, range);
      queries += population;
      for (int i = 0; i < population; i++) {
        if (tried.get(i).belief() < belief[i]) {
          agents[i] = children[i];
          belief[i] = tried.get(i).belief();
        }
        best = better(best, tried.get(i));
      }
    }
    return Search.outcome(best.fooled(), queries, best.answer(), source, best.input());
  }

  private record Found(float[] input, Prediction answer, double belief) {
    boolean fooled() {
      return belief < 0;
    }
  }

  /** The earlier of two equally good finds is kept: the outcome does not depend on ties' order. */
  private static Found better(Found best, Found tried) {
    return best == null || tried.belief() < best.belief() ? tried : best;
  }

  private List<Found> evaluate(double[][] agents, float[] source, String label, Oracle model, Inputs inputs, double[] range) {
    List<float[]> changed = new ArrayList<>(agents.length);
    for (double[] agent : agents) {
      changed.add(apply(agent, source, inputs, range));
    }
    List<Prediction> answers = model.ask(changed);
    List<Found> found = new ArrayList<>(agents.length);
    for (int i = 0; i < agents.length; i++) {
      found.add(new Found(changed.get(i), answers.get(i), Search.belief(answers.get(i), label)));
    }
    return found;
  }

  /** The source with each agent's pixels set (positions wrapped into the image, every channel the value). */
  private float[] apply(double[] agent, float[] source, Inputs inputs, double[] range) {
    float[] out = source.clone();
    for (int p = 0; p < pixels; p++) {
      int x = Math.floorMod((int) Math.floor(agent[3 * p]), inputs.width());
      int y = Math.floorMod((int) Math.floor(agent[3 * p + 1]), inputs.height());
      float value = Search.clip(agent[3 * p + 2], range);
      for (int c = 0; c < inputs.channels(); c++) {
        out[(y * inputs.width() + x) * inputs.channels() + c] = value;
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return pixels + "-pixel attack (differential evolution, population " + population + ", " + budget + " queries an example)";
  }
}
