package dev.flipgate.run;

import dev.flipgate.latency.LatencyComparison;
import dev.flipgate.latency.LatencySettings;
import dev.flipgate.model.ModelAdapter;
import dev.flipgate.model.ModelInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measures both models' single-example latency under the same conditions: the same examples
 * (drawn by the suite's seed), both warmed up first, then each example asked of one model and
 * straight after of the other, the order alternating example by example so that machine noise
 * and any first-caller advantage hit both alike. Separate from the batched prediction pass,
 * whose throughput is reported on its own.
 */
public final class LatencyProbe {
  private LatencyProbe() {}

  public static LatencyComparison measure(ModelAdapter deployed, ModelAdapter candidate, List<ModelInput> inputs,
      LatencySettings settings, long seed, double deployedThroughput, double candidateThroughput, ProgressListener progress) {
    List<ModelInput> drawn = new ArrayList<>(inputs);
    Collections.shuffle(drawn, new Random(seed));
    int warmup = Math.min(settings.warmup(), drawn.size());
    for (ModelInput input : drawn.subList(0, warmup)) {
      PredictionCollector.ask(deployed, List.of(input));
      PredictionCollector.ask(candidate, List.of(input));
    }
    // Samples may reuse warm-up examples when the golden set is small; it only needs to be hot.
    int samples = Math.min(settings.samples(), drawn.size());
    long[] deployedMicros = new long[samples];
    long[] candidateMicros = new long[samples];
    List<String> ids = new ArrayList<>(samples);
    for (int i = 0; i < samples; i++) {
      ModelInput input = drawn.get(i);
      ids.add(input.exampleId());
      if (i % 2 == 0) {
        deployedMicros[i] = time(deployed, input);
        candidateMicros[i] = time(candidate, input);
      } else {
        candidateMicros[i] = time(candidate, input);
        deployedMicros[i] = time(deployed, input);
      }
      if ((i + 1) % 50 == 0 || i + 1 == samples) {
        progress.predicted("latency", deployed.identity().name() + " / " + candidate.identity().name(), i + 1, samples);
      }
    }
    return LatencyComparison.of(new LatencySettings(warmup, samples), ids, deployedMicros, candidateMicros,
        deployedThroughput, candidateThroughput);
  }

  private static long time(ModelAdapter model, ModelInput input) {
    long start = System.nanoTime();
    PredictionCollector.ask(model, List.of(input));
    return Math.max(1, (System.nanoTime() - start) / 1_000);
  }
}
