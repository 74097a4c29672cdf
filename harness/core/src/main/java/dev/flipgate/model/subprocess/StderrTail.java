package dev.flipgate.model.subprocess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's stderr on its own thread (so a chatty process never blocks on a full pipe)
 * and keeps its last {@value #KEPT} bytes, to show when the process fails.
 */
final class StderrTail {
  static final int KEPT = 8 * 1024;

  private final byte[] ring = new byte[KEPT];
  private long written;

  StderrTail(InputStream stderr, String processName) {
    Thread drainer = new Thread(() -> drain(stderr), "stderr-" + processName);
    drainer.setDaemon(true);
    drainer.start();
  }

  private void drain(InputStream stderr) {
    byte[] buffer = new byte[4096];
    try (stderr) {
      for (int read = stderr.read(buffer); read >= 0; read = stderr.read(buffer)) {
        synchronized (this) {
          for (int i = 0; i < read; i++) {
            ring[(int) (written++ % KEPT)] = buffer[i];
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }

  /** The last bytes written, as text; empty when nothing was. */
  synchronized String text() {
    int length = (int) Math.min(written, KEPT);
    byte[] last = new byte[length];
    for (int i = 0; i < length; i++) {
      last[i] = ring[(int) ((written - length + i) % KEPT)];
    }
    return new String(last, StandardCharsets.UTF_8).strip();
  }
}
