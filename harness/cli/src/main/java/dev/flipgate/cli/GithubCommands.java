package dev.flipgate.cli;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,title=…::message}), escaped as the
 * runner reads them: in the message {@code %}, CR and LF are percent-encoded; in a property also
 * {@code :} and {@code ,}, which would otherwise end it.
 */
final class GithubCommands {
  private GithubCommands() {}

  static String error(String file, String title, String message) {
    return "::error file=" + property(file) + ",title=" + property(title) + "::" + data(message);
  }

  static String notice(String file, String title, String message) {
    return "::notice file=" + property(file) + ",title=" + property(title) + "::" + data(message);
  }

  static String warning(String file, int line, String title, String message) {
    return "::warning file=" + property(file) + (line > 0 ? ",line=" + line : "") + ",title=" + property(title) + "::"
        + data(message);
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
