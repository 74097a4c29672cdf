package dev.flipgate.suite;

import java.util.List;

/**
 * {@code waivers.yaml} as written, beside the suite. Each waiver names a rule and a slice (or a
 * perturbation), or example ids, and who accepted the regression, why, where it is tracked and
 * until when:
 *
 * <pre>
 * waivers:
 *   - rule: max-metric-drop
 *     slice: digit-6
 *     owner: ana@example.com
 *     reason: the new model trades sixes for eights; more sixes are being labelled
 *     ticket: https://tracker.example.com/ML-142
 *     expires: 2026-12-31          # the last day it holds (UTC)
 *   - examples: [t10k-00042]
 *     rule: critical-examples      # optional for example waivers: only this rule's reasons
 *     ...
 * </pre>
 */
public record WaiversFile(List<Declaration> waivers) {

  public record Declaration(
      String rule, String slice, String perturbation, List<String> examples, String owner, String reason,
      String ticket, String expires) {}
}
