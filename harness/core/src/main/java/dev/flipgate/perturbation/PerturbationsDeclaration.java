package dev.flipgate.perturbation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The suite's {@code perturbations:} section as written: the inputs' valid {@code range} (every
 * generated value is clipped into it; image changes need it) and the perturbations to generate.
 *
 * <pre>
 * perturbations:
 *   range: [0, 255]
 *   generate:
 *     - name: rotate-12
 *       change: { kind: rotation, degrees: 12 }
 *       expect: inv            # inv: same answer as on the source | mft: the true label | dir: see direction
 *       slices: [all]          # default: every example
 *       sample: 300            # examples drawn by the suite's seed (default: all of the slices)
 *     - name: larger-tumour
 *       change: { kind: feature-step, features: [f00, f02, f03], by: 0.1, relative: true }
 *       expect: dir
 *       direction: { class: malignant, must: not-decrease, tolerance: 0.0 }
 *   templates:               # text golden sets: CheckList's MFT templates, examples with no source
 *     - name: love-this
 *       text: "I {love|like|adore} this {phone|movie|place}."
 *       label: positive
 *       sample: 5              # drawn by the suite's seed (default: every expansion)
 * </pre>
 */
public record PerturbationsDeclaration(List<Double> range, List<Generated> generate, List<Template> templates) {

  public PerturbationsDeclaration(List<Double> range, List<Generated> generate) {
    this(range, generate, null);
  }

  /** A CheckList MFT template: every expansion of its {@code {a|b|c}} choices is a text whose true label is {@code label}. */
  public record Template(String name, String description, String text, String label, Integer sample) {}

  public record Generated(
      String name, String description, Perturbation change, String expect, List<String> slices, Integer sample,
      DirectionDeclaration direction) {}

  public record DirectionDeclaration(@JsonProperty("class") String className, String must, Double tolerance) {}
}
