package dev.flipgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small golden set with two classes, written to a directory as real files: manifest, examples,
 * adversarial examples, two predictions files and a suite. Each part is plain text a test can
 * replace to make exactly one thing wrong.
 */
public final class TinyGoldenSet {
  public String manifest = """
      name: tiny
      version: "1"
      classes: [cat, dog]
      input: { columns: { names: [f0, f1] }, shape: [2] }
      examples: { file: examples.csv, metadata: [group], tagsColumn: tags }
      slices:
        - { name: group-a, where: { column: group, equals: a } }
        - { name: hard, tag: hard }
      adversarial:
        file: adversarial.csv
        perturbations: [ { name: nudge, description: "f0 moved a little" } ]
      critical: { ids: [e1] }
      """;
  public String examples = """
      id,label,group,tags,f0,f1
      e1,cat,a,,0.1,0.2
      e2,dog,a,hard,0.9,0.8
      e3,cat,b,hard,0.2,0.1
      e4,dog,b,,0.8,0.9
      """;
  public String adversarial = """
      id,source,perturbation,expectation,f0,f1
      e1~nudge,e1,nudge,true-label,0.15,0.2
      """;
  public String deployedPredictions = """
      id,prediction,score_cat,score_dog
      e1,cat,0.9,0.1
      e2,dog,0.2,0.8
      e3,cat,0.7,0.3
      e4,dog,0.4,0.6
      e1~nudge,cat,0.8,0.2
      """;
  public String candidatePredictions = deployedPredictions;
  public String candidateFile = "candidate.csv";
  public String policy = """
      policy:
        rules:
          - { rule: max-negative-flip-rate, slices: [all], max: 0 }
      """;
  /** A policy with one rule of each kind the engine's tests expand: flips per slice, critical examples, perturbations. */
  public static final String THREE_RULE_POLICY = """
      policy:
        rules:
          - { rule: max-negative-flip-rate, slices: ["*"], max: 0 }
          - { rule: critical-examples }
          - { rule: max-robustness-drop, perturbations: ["*"], max: 0 }
      """;

  public Path writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("manifest.yaml"), manifest);
      Files.writeString(directory.resolve("examples.csv"), examples);
      Files.writeString(directory.resolve("adversarial.csv"), adversarial);
      Files.writeString(directory.resolve("deployed.csv"), deployedPredictions);
      Files.writeString(directory.resolve(candidateFile), candidatePredictions);
      Path suite = directory.resolve("suite.yaml");
      Files.writeString(suite, """
          name: tiny
          goldenSet: .
          deployed: { type: predictions, name: old, file: deployed.csv }
          candidates:
            new: { type: predictions, name: new, file: %s }
          """.formatted(candidateFile) + policy);
      return suite;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
