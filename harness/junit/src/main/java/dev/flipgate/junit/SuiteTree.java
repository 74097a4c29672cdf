package dev.flipgate.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flipgate.gate.GateRule;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.io.Sha256;
import dev.flipgate.suite.Suite;
import dev.flipgate.suite.SuiteReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Builds a suite's test tree — suite → verdict, and suite → rule → subject — from its
 * declaration and golden set, before any model runs. Unique ids come from names, never
 * positions: the anchor class (or the suite file's path), the rule's type and a digest of its
 * declaration, and the slice name, example id or perturbation.
 */
final class SuiteTree {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SuiteTree() {}

  /** A suite anchored on a {@link GoldenSuite} class; its path is relative to {@code baseDirectory}. */
  static SuiteDescriptor ofAnchor(UniqueId engine, Class<?> anchor, Path baseDirectory, Optional<String> candidateOverride) {
    GoldenSuite annotation = anchor.getAnnotation(GoldenSuite.class);
    Path suiteFile = baseDirectory.resolve(annotation.value()).normalize();
    Optional<String> candidate = candidateOverride.or(
        () -> annotation.candidate().isEmpty() ? Optional.empty() : Optional.of(annotation.candidate()));
    return build(engine.append(SuiteDescriptor.SEGMENT, anchor.getName()), anchor.getSimpleName(),
        ClassSource.from(anchor), () -> load(suiteFile), candidate);
  }

  /** A suite selected as a file (the CLI's way in); its id is its path relative to {@code baseDirectory}. */
  static SuiteDescriptor ofFile(UniqueId engine, Path suiteFile, Path baseDirectory, Optional<String> candidate,
      Supplier<SuiteDescriptor.Loaded> loader) {
    return build(fileId(engine, suiteFile, baseDirectory), "suite " + relative(suiteFile, baseDirectory),
        FileSource.from(suiteFile.toFile()), loader, candidate);
  }

  static UniqueId fileId(UniqueId engine, Path suiteFile, Path baseDirectory) {
    return engine.append(SuiteDescriptor.FILE_SEGMENT, relative(suiteFile, baseDirectory));
  }

  private static String relative(Path file, Path baseDirectory) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = baseDirectory.toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
  }

  static SuiteDescriptor.Loaded load(Path suiteFile) {
    Suite suite = SuiteReader.read(suiteFile);
    var goldenSet = suite.loadGoldenSet();
    suite.policy().validate(goldenSet, suite.file());
    return new SuiteDescriptor.Loaded(suite, goldenSet);
  }

  private static SuiteDescriptor build(UniqueId id, String displayName, TestSource source,
      Supplier<SuiteDescriptor.Loaded> loader, Optional<String> candidate) {
    SuiteDescriptor.Loaded loaded;
    try {
      loaded = loader.get();
    } catch (RuntimeException e) {
      return new SuiteDescriptor(id, displayName, source, Optional.empty(), candidate, Optional.of(e));
    }
    var descriptor = new SuiteDescriptor(id, displayName, source, Optional.of(loaded), candidate, Optional.empty());
    descriptor.addChild(new VerdictDescriptor(id));
    for (GateRule rule : loaded.suite().policy().rules()) {
      var ruleDescriptor = new RuleDescriptor(id.append(RuleDescriptor.SEGMENT, key(rule)), displayName(rule), rule);
      for (RuleCheck.Subject subject : rule.subjects(loaded.goldenSet())) {
        ruleDescriptor.addChild(new CheckDescriptor(
            ruleDescriptor.getUniqueId().append(CheckDescriptor.segment(subject), subject.name()),
            rule.id() + " on " + subject.name(), subject));
      }
      descriptor.addChild(ruleDescriptor);
    }
    return descriptor;
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
