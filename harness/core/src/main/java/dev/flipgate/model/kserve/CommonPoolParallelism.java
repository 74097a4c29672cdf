package dev.flipgate.model.kserve;

import java.util.concurrent.ForkJoinPool;

/**
 * Keeps the JDK's common pool at a parallelism of at least two, which the HTTP client needs to
 * stay fast on small machines.
 *
 * <p>Why: {@code HttpClient.sendAsync} hands every answer to {@code CompletableFuture}'s default
 * executor ({@code whenCompleteAsync(…, ASYNC_POOL)} in {@code HttpClientImpl}). In JDK 17 that
 * executor is the common pool only when its parallelism exceeds one; on a machine with two cores
 * or fewer the parallelism is one, and {@code CompletableFuture} then starts a new thread for
 * every task: a thread per HTTP answer (JDK 25's {@code CompletableFuture} keeps a pool instead). On this project's 2-core CI machine that cost a third
 * of the KServe adapter's throughput (bench/kserve-throughput). The property must be set before
 * anything touches the common pool, so the CLI and the JUnit engine call {@link #atLeastTwo()}
 * first thing; an explicit setting of the property is left alone.
 */
public final class CommonPoolParallelism {
  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPoolParallelism() {}

  /** Sets the common pool's parallelism to two when it would be one and nobody chose otherwise. */
  public static void atLeastTwo() {
    if (System.getProperty(PROPERTY) == null && Runtime.getRuntime().availableProcessors() - 1 < 2) {
      System.setProperty(PROPERTY, "2");
    }
  }

  /** Whether {@code CompletableFuture} hands async work to the common pool rather than a new thread each. */
  static boolean sufficient() {
    return ForkJoinPool.getCommonPoolParallelism() > 1;
  }

  /** What to tell a user whose JVM started the common pool before Flipgate could size it. */
  static String warning() {
    return "the JVM's common pool has parallelism " + ForkJoinPool.getCommonPoolParallelism()
        + ", so the JDK's HTTP client starts a thread for every answer and the KServe adapter runs slowly; start the JVM with -D"
        + PROPERTY + "=2";
  }
}
