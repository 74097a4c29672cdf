package dev.flipgate.bench;

import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.model.kserve.KServeV2Adapter;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.RepositoryPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The KServe v2 adapter's throughput against a loopback KServe v2 server whose every answer
 * takes 5 ms and nothing else (a canned answer, so the server's own work does not compete with the
 * client for the machine's cores):
 * one example a request, so {@code concurrency} requests in flight can at best answer
 * {@code concurrency / 5 ms} examples a second (3,200/s at 16). Prints examples/s and its share
 * of that ideal for each run. Run by bench/kserve-throughput/run.sh.
 */
public final class KServeThroughputBench {
  private KServeThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int delayMillis = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int examples = args.length > 2 ? Integer.parseInt(args[2]) : 12_800;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    var goldenSet = GoldenSetLoader.load(RepositoryPaths.mnistSuite().getParent());
    List<ModelInput> inputs = new ArrayList<>();
    for (int i = 0; inputs.size() < examples; i++) {
      var example = goldenSet.examples().get(i % goldenSet.examples().size());
      inputs.add(new ModelInput(example.id() + "#" + i, example.input()));
    }
    var ids = new HashSet<String>();
    inputs.forEach(input -> ids.add(input.exampleId()));
    String external = System.getProperty("bench.url", "");
    try (var server = KServeTestServer.start().serve("mnist-8", RepositoryPaths.mnistModel("mnist-8.onnx"))) {
      server.setAnswerDelayMillis(delayMillis);
      server.setCannedAnswer(new float[] {9, 0, 0, 0, 0, 0, 0, 0, 0, 0});
      String url = external.isEmpty() ? server.url() : external;
      System.out.println("server: " + (external.isEmpty() ? "the Java test fixture (JDK HttpServer) in this JVM" : external));
      var declaration = new ModelDeclaration.KServeV2("mnist-8", url, "mnist-8", null,
          new ModelDeclaration.OnnxInput("Input3", List.of(-1L, 1L, 28L, 28L), "NCHW", 1.0, 0.0, null),
          new ModelDeclaration.OnnxOutput("out", "logits"), 1, concurrency, null, null, null, null, null,
          null, null);
      var context = new ModelContext(RepositoryPaths.mnistSuite(), goldenSet.task(), goldenSet.classes(),
          goldenSet.inputColumns(), goldenSet.inputLayout(), ids);
      double ideal = concurrency * 1000.0 / delayMillis;
      System.out.printf("KServe v2 adapter: %d examples, 1 per request, concurrency %d, server answers in %d ms; ideal %.0f/s%n",
          examples, concurrency, delayMillis, ideal);
      for (int run = 1; run <= rounds; run++) {
        try (var adapter = KServeV2Adapter.open(declaration, context)) {
          long start = System.nanoTime();
          int answered = 0;
          for (int from = 0; from < inputs.size(); from += adapter.batchSize()) {
            answered += adapter.predict(inputs.subList(from, Math.min(inputs.size(), from + adapter.batchSize()))).size();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("run %d%s: %d answers in %.2f s = %.0f examples/s (%.1f%% of ideal)%n", run,
              run == 1 ? " (warm-up)" : "", answered, seconds, answered / seconds, 100 * answered / seconds / ideal);
        }
      }
    }
  }
}
