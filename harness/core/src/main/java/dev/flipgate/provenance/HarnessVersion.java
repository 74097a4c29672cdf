package dev.flipgate.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness's own version, as the build stamped it. */
public final class HarnessVersion {
  private HarnessVersion() {}

  public static String current() {
    try (InputStream in = HarnessVersion.class.getResourceAsStream("/dev/flipgate/harness-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
