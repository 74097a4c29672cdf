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
 * </pre>
 */
public record PerturbationsDeclaration(List<Double> range, List<Generated> generate) {

  public record Generated(
      String name, String description, Perturbation change, String expect, List<String> slices, Integer sample,
      DirectionDeclaration direction) {}

  public record DirectionDeclaration(@JsonProperty("class") String className, String must, Double tolerance) {}
}
