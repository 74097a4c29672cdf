package dev.flipgate.bench;

import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.kserve.CommonPoolParallelism;
import dev.flipgate.model.kserve.KServeV2Adapter;
import dev.flipgate.testing.RepositoryPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The KServe v2 adapter's throughput against the KServe v2 server at {@code -Dbench.url}, which
 * answers every request after a fixed delay (bench/kserve-throughput/fixed_delay_server.c): one
 * MNIST example a request, so {@code concurrency} requests in flight can at best answer
 * {@code concurrency / delay} examples a second (3,200/s at 16 and 5 ms). Prints examples/s and
 * its share of that ideal for each round and the median of those after the warm-up rounds. Run
 * by bench/kserve-throughput/run.sh; arguments: concurrency, delay in ms, examples a round,
 * rounds in all.
 */
public final class KServeThroughputBench {
  /**
   * Rounds that only warm the JVM up: on 2 cores its JIT compilers take about two rounds of
   * 12,800 requests (~20 s, most of a core) before the client runs at full speed.
   */
  private static final int WARM_UP_ROUNDS = 2;

  private KServeThroughputBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo(); // as the CLI and the JUnit engine do
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int delayMillis = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int examples = args.length > 2 ? Integer.parseInt(args[2]) : 12_800;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    String url = System.getProperty("bench.url");
    if (url == null) {
      throw new IllegalArgumentException("-Dbench.url must name the fixed-delay server; run bench/kserve-throughput/run.sh");
    }
    var goldenSet = GoldenSetLoader.load(RepositoryPaths.mnistSuite().getParent());
    List<ModelInput> inputs = new ArrayList<>();
    for (int i = 0; inputs.size() < examples; i++) {
      var example = goldenSet.examples().get(i % goldenSet.examples().size());
      inputs.add(new ModelInput(example.id() + "#" + i, example.input()));
    }
    var ids = new HashSet<String>();
    inputs.forEach(input -> ids.add(input.exampleId()));
    var declaration = new ModelDeclaration.KServeV2("mnist-8", url, "mnist-8", null,
        new ModelDeclaration.OnnxInput("Input3", List.of(-1L, 1L, 28L, 28L), "NCHW", 1.0, 0.0, null),
        new ModelDeclaration.OnnxOutput("out", "logits"), 1, concurrency, null, null, null, null, null,
        null, null);
    var context = new ModelContext(RepositoryPaths.mnistSuite(), goldenSet.task(), goldenSet.classes(),
        goldenSet.inputColumns(), goldenSet.inputLayout(), ids);
    double ideal = concurrency * 1000.0 / delayMillis;
    System.out.printf("KServe v2 adapter: %d examples a round, 1 per request, concurrency %d, server answers in %d ms; ideal %.0f/s%n",
        examples, concurrency, delayMillis, ideal);
    var measured = new ArrayList<Double>();
    for (int round = 1; round <= rounds; round++) {
      try (var adapter = KServeV2Adapter.open(declaration, context)) {
        long[] cpuBefore = cpuTicks();
        long start = System.nanoTime();
        int answered = 0;
        for (int from = 0; from < inputs.size(); from += adapter.batchSize()) {
          answered += adapter.predict(inputs.subList(from, Math.min(inputs.size(), from + adapter.batchSize()))).size();
        }
        double perSecond = answered / ((System.nanoTime() - start) / 1e9);
        String machine = machineShare(cpuBefore, cpuTicks());
        if (round > WARM_UP_ROUNDS) {
          measured.add(perSecond);
        }
        System.out.printf("round %d%s: %.0f examples/s (%.1f%% of ideal)%s%n", round, round <= WARM_UP_ROUNDS ? " (warm-up)" : "",
            perSecond, 100 * perSecond / ideal, machine);
      }
    }
    if (!measured.isEmpty()) {
      measured.sort(null);
      double median = measured.size() % 2 == 1 ? measured.get(measured.size() / 2)
          : (measured.get(measured.size() / 2 - 1) + measured.get(measured.size() / 2)) / 2;
      System.out.printf("median of rounds %d-%d: %.0f examples/s = %.1f%% of the ideal %.0f/s (min %.1f%%, max %.1f%%)%n",
          WARM_UP_ROUNDS + 1, rounds, median, 100 * median / ideal, ideal, 100 * measured.get(0) / ideal, 100 * measured.get(measured.size() - 1) / ideal);
    }
  }

  /** The machine's CPU ticks (user, nice, system, idle, iowait, irq, softirq, steal), or none off Linux. */
  private static long[] cpuTicks() {
    try {
      String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long[] ticks = new long[8];
      for (int i = 0; i < ticks.length; i++) {
        ticks[i] = Long.parseLong(fields[i + 1]);
      }
      return ticks;
    } catch (java.io.IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /**
   * How busy the machine's cores were during a round, and how much of their time the hypervisor
   * gave to other machines (steal): a round with much steal measured the neighbours, not the client.
   */
  private static String machineShare(long[] before, long[] after) {
    if (before.length == 0 || after.length == 0) {
      return "";
    }
    long total = 0;
    for (int i = 0; i < before.length; i++) {
      total += after[i] - before[i];
    }
    long idle = after[3] - before[3] + after[4] - before[4];
    long steal = after[7] - before[7];
    return total == 0 ? "" : String.format("; cores busy %.0f%%, stolen %.0f%%", 100.0 * (total - idle - steal) / total, 100.0 * steal / total);
  }
}
