package dev.flipgate.model.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An ONNX Runtime session that is freed only once every run in flight has ended. Closing an
 * {@link OrtSession} while another thread is inside {@code run} frees native memory that run
 * still reads: the JVM dies with SIGSEGV inside {@code libonnxruntime.so}, as it once did in a
 * test server whose handler threads outlived its close. Runs share a read lock (ONNX Runtime
 * runs a session concurrently); close takes the write lock, so it waits for them, and a run that
 * comes after close is refused with an exception instead of touching freed memory.
 *
 * <pre>
 * try (var session = GuardedSession.of(ortSession)) {
 *   float[] logits = session.run(Map.of("Input3", tensor), Set.of("out"), result -> read(result));
 * }
 * </pre>
 */
public final class GuardedSession implements AutoCloseable {
  private final OrtSession session;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private GuardedSession(OrtSession session) {
    this.session = session;
  }

  public static GuardedSession of(OrtSession session) {
    return new GuardedSession(session);
  }

  /** What a caller does with a run's result while the session is still guaranteed open. */
  @FunctionalInterface
  public interface ResultReader<T> {
    T read(OrtSession.Result result) throws OrtException;
  }

  /**
   * Runs the session and reads its result before the session can be closed.
   *
   * @throws IllegalStateException when the session was already closed
   */
  public <T> T run(Map<String, OnnxTensor> inputs, Set<String> outputs, ResultReader<T> reader) throws OrtException {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the ONNX Runtime session was closed; no run can start after close");
      }
      try (OrtSession.Result result = session.run(inputs, outputs)) {
        return reader.read(result);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The session itself, for reading its signature; never for {@code run} or {@code close}. */
  public OrtSession inspect() {
    return session;
  }

  /** Waits for the runs in flight, then frees the session. Closing twice does nothing. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      session.close();
    } catch (OrtException e) {
      // Freeing native memory failed; no result depends on it, and the session is unusable either way.
    } finally {
      lock.writeLock().unlock();
    }
  }
}
