package dev.flipgate.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing a session while another thread is inside a run freed memory that run still read: the
 * JVM died with SIGSEGV in libonnxruntime.so. A guarded session's close waits for the runs in
 * flight, and a run after close is refused instead of touching freed memory. Real mnist-8.
 */
class GuardedSessionTest {
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

  private GuardedSession open() throws OrtException {
    return GuardedSession.of(environment.createSession(RepositoryPaths.mnistModel("mnist-8.onnx").toString()));
  }

  private float[] run(GuardedSession session, GuardedSession.ResultReader<float[]> reader) throws OrtException {
    try (var input = OnnxTensor.createTensor(environment, FloatBuffer.allocate(784), new long[] {1, 1, 28, 28})) {
      return session.run(Map.of("Input3", input), Set.of("Plus214_Output_0"), reader);
    }
  }

  @Test
  void closeWaitsForARunInFlightAndFreesTheSessionAfterIt() throws Exception {
    GuardedSession session = open();
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var runner = new Thread(() -> {
      try {
        run(session, result -> {
          inside.countDown();
          awaitQuietly(release);
          return ((float[][]) result.get(0).getValue())[0]; // reads the output after close was asked for
        });
      } catch (OrtException e) {
        throw new IllegalStateException(e);
      }
    });
    runner.start();
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

    var closer = new Thread(session::close);
    closer.start();
    closer.join(300);
    assertThat(closer.isAlive()).as("close waits while a run is in flight").isTrue();

    release.countDown();
    runner.join(30_000);
    closer.join(30_000);
    assertThat(closer.isAlive()).as("close finishes once the run has ended").isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRunAfterCloseIsRefused() throws OrtException {
    GuardedSession session = open();
    session.close();

    assertThatThrownBy(() -> run(session, result -> new float[0]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    session.close(); // closing twice does nothing
  }
}
