package dev.flipgate.junit;

import dev.flipgate.gate.Concern;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a test is about beyond its outcome, for reports that show more than JUnit does (Allure):
 * the suite and rule it belongs to, the feature it judges (a slice, a critical example, a
 * perturbation), how severe its failure is, and the evidence to attach — the examples behind it
 * (as CSV, and as images when {@code showExamples}) and report files.
 */
record TestFacts(
    String suite, String rule, String feature, Severity severity, Optional<Concern> concern,
    List<String> exampleIds, boolean showExamples, List<Path> files) {

  /** At most this many example images are attached to one test: enough to see the pattern. */
  static final int MAX_IMAGES = 12;

  TestFacts {
    exampleIds = List.copyOf(exampleIds);
    files = List.copyOf(files);
  }

  /** Allure's severities, most severe first. */
  enum Severity { BLOCKER, CRITICAL, NORMAL, MINOR }
}
