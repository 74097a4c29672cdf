package dev.flipgate.latency;

/**
 * How single-example latency is measured: {@code warmup} calls of each model first (not
 * recorded: class loading, JIT, connection set-up), then {@code samples} examples, each asked of
 * both models one example at a time, the two calls interleaved. {@code samples: 0} turns the
 * measurement off; a latency rule then fails closed.
 *
 * <pre>
 * latency: { warmup: 20, samples: 300 }
 * </pre>
 */
public record LatencySettings(int warmup, int samples) {
  public static final int DEFAULT_WARMUP = 20;
  public static final int DEFAULT_SAMPLES = 300;

  public static LatencySettings defaults() {
    return new LatencySettings(DEFAULT_WARMUP, DEFAULT_SAMPLES);
  }

  public boolean enabled() {
    return samples > 0;
  }
}
