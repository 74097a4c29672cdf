package dev.flipgate.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.gate.GateRule;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.GoldenSetLoader;
import dev.flipgate.provenance.Sha256;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

/**
 * Builds a suite's test tree — suite → rule → subject — from its declaration and golden set,
 * before any model runs. Unique ids come from names, never positions: the anchor class, the
 * rule's type and a digest of its declaration, and the slice name, example id or perturbation.
 */
final class SuiteTree {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SuiteTree() {}

  static SuiteDescriptor of(UniqueId parent, Class<?> anchor, Path baseDirectory, Optional<String> candidateOverride) {
    GoldenSuite annotation = anchor.getAnnotation(GoldenSuite.class);
    Path suiteFile = baseDirectory.resolve(annotation.value()).normalize();
    Optional<String> candidate = candidateOverride.or(
        () -> annotation.candidate().isEmpty() ? Optional.empty() : Optional.of(annotation.candidate()));
    UniqueId id = parent.append(SuiteDescriptor.SEGMENT, anchor.getName());
    try {
      Suite suite = SuiteReader.read(suiteFile);
      GoldenSet goldenSet = GoldenSetLoader.load(suite.goldenSetDirectory());
      suite.policy().validate(goldenSet, suite.file());
      var descriptor = new SuiteDescriptor(id, anchor, Optional.of(new SuiteDescriptor.Loaded(suite, goldenSet)), candidate,
          Optional.empty());
      for (GateRule rule : suite.policy().rules()) {
        var ruleDescriptor = new RuleDescriptor(id.append(RuleDescriptor.SEGMENT, key(rule)), displayName(rule), rule);
        for (RuleCheck.Subject subject : rule.subjects(goldenSet)) {
          ruleDescriptor.addChild(new CheckDescriptor(
              ruleDescriptor.getUniqueId().append(CheckDescriptor.segment(subject), subject.name()),
              rule.id() + " on " + subject.name(), subject));
        }
        descriptor.addChild(ruleDescriptor);
      }
      return descriptor;
    } catch (RuntimeException e) {
      return new SuiteDescriptor(id, anchor, Optional.empty(), candidate, Optional.of(e));
    }
  }

  /** The rule's type and a digest of its declaration: stable while the rule is unchanged. */
  static String key(GateRule rule) {
    return rule.id() + "@" + Sha256.ofBytes(declaration(rule).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  static String displayName(GateRule rule) {
    return rule.id() + " " + declaration(rule);
  }

  private static String declaration(GateRule rule) {
    try {
      return JSON.writeValueAsString(rule).replace("\"", "");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rule record always serializes", e);
    }
  }
}
