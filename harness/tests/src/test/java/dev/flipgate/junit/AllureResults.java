package dev.flipgate.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The Allure results directory as Allure's JUnit Platform listener wrote it for one run of the
 * flipgate engine, read back as JSON: the test results, their attachments, the categories.
 */
record AllureResults(Path directory, List<JsonNode> tests) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs the engine through a real launcher with Allure's real listener writing into {@code directory}. */
  static AllureResults ofRun(Path directory, Map<String, String> parameters, DiscoverySelector... selectors) {
    var allure = AllureListener.writingTo(directory);
    try {
      var launcher = LauncherFactory.create(LauncherConfig.builder()
          .enableTestEngineAutoRegistration(false).enableTestExecutionListenerAutoRegistration(false)
          .addTestEngines(new FlipgateTestEngine()).addTestExecutionListeners(allure.listener()).build());
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
          .configurationParameters(parameters)
          .configurationParameter(TestDetails.ALLURE_RESULTS, directory.toString()).build());
    } finally {
      allure.restore();
    }
    return read(directory);
  }

  static AllureResults read(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      var tests = new ArrayList<JsonNode>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        tests.add(JSON.readTree(file.toFile()));
      }
      return new AllureResults(directory, tests);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode test(String name) {
    return tests.stream().filter(t -> t.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Allure result named '" + name + "' among "
            + tests.stream().map(t -> t.path("name").asText()).toList()));
  }

  static Optional<String> label(JsonNode test, String name) {
    for (JsonNode label : test.path("labels")) {
      if (label.path("name").asText().equals(name)) {
        return Optional.of(label.path("value").asText());
      }
    }
    return Optional.empty();
  }

  static Optional<String> parameter(JsonNode test, String name) {
    for (JsonNode parameter : test.path("parameters")) {
      if (parameter.path("name").asText().equals(name)) {
        return Optional.of(parameter.path("value").asText());
      }
    }
    return Optional.empty();
  }

  /** The attachment's bytes, by its name. */
  byte[] attachment(JsonNode test, String name) {
    for (JsonNode attachment : test.path("attachments")) {
      if (attachment.path("name").asText().equals(name)) {
        try {
          return Files.readAllBytes(directory.resolve(attachment.path("source").asText()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no attachment '" + name + "' on " + test.path("name").asText());
  }

  static List<String> attachmentNames(JsonNode test) {
    var names = new ArrayList<String>();
    test.path("attachments").forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  /**
   * The categories a result falls into, matched as Allure's report generator matches them: the
   * status among {@code matchedStatuses}, and {@code messageRegex} matching the whole message.
   */
  List<String> categoriesOf(JsonNode test) {
    try {
      var categories = new ArrayList<String>();
      for (JsonNode category : JSON.readTree(directory.resolve("categories.json").toFile())) {
        boolean status = false;
        for (JsonNode matched : category.path("matchedStatuses")) {
          status |= matched.asText().equals(test.path("status").asText());
        }
        String message = test.path("statusDetails").path("message").asText("");
        boolean text = !category.has("messageRegex")
            || Pattern.compile(category.path("messageRegex").asText(), Pattern.DOTALL).matcher(message).matches();
        if (status && text) {
          categories.add(category.path("name").asText());
        }
      }
      return categories;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
