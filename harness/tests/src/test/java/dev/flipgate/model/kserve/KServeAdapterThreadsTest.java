package dev.flipgate.model.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelDeclaration;
import dev.flipgate.model.ModelInput;
import dev.flipgate.testing.KServeTestServer;
import dev.flipgate.testing.MiniMnist;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KServe adapter's threads: its HTTP client hands each answer to the JVM's common pool, so
 * that pool must not have parallelism one (where JDK 17's CompletableFuture starts a thread per
 * task instead). Flipgate's entry points size it before anything uses it; this test runs in a JVM
 * started the same way (the JUnit engine sizes it) on the project's 2-core machines.
 */
class KServeAdapterThreadsTest {
  @TempDir Path directory;

  @Test
  void the_jvm_hosting_flipgate_gives_the_common_pool_at_least_two_threads() {
    assertThat(ForkJoinPool.getCommonPoolParallelism()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void answering_hundreds_of_requests_starts_no_thread_per_answer() throws Exception {
    var mini = new MiniMnist(100);
    var goldenSet = GoldenSetLoader.load(mini.writeTo(directory).getParent());
    var ids = new HashSet<String>();
    goldenSet.examples().forEach(example -> ids.add(example.id()));
    List<ModelInput> inputs = goldenSet.examples().stream().map(example -> new ModelInput(example.id(), example.input())).toList();
    try (var server = KServeTestServer.start()) {
      server.setCannedAnswer(new float[] {5, 0, 0, 0, 0, 0, 0, 0, 0, 0});
      var declaration = new ModelDeclaration.KServeV2("deployed", server.url(), "mnist", null,
          new ModelDeclaration.OnnxInput("Input3", List.of(-1L, 1L, 28L, 28L), "NCHW", 1.0, 0.0, null),
          new ModelDeclaration.OnnxOutput("out", "logits"), 1, 4, null, null, null, null, null, null, null);
      var context = new ModelContext(directory.resolve("suite.yaml"), goldenSet.task(), goldenSet.classes(),
          goldenSet.inputColumns(), goldenSet.inputLayout(), ids);
      try (var adapter = KServeV2Adapter.open(declaration, context)) {
        adapter.predict(inputs); // the server's pool and the client's connections start here
        var threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        for (int round = 0; round < 4; round++) {
          assertThat(adapter.predict(inputs)).hasSize(inputs.size());
        }
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        assertThat(started).as("threads started while 400 requests were answered").isLessThan(20);
      }
    }
  }
}
