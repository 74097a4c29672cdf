package dev.flipgate.attack;

import java.util.List;

/**
 * An attack as a suite declares it under {@code attacks}:
 *
 * <pre>
 * attacks:
 *   - name: one-pixel
 *     method: { kind: pixels, pixels: 1, population: 40, budget: 400 }
 *     examples: 100        # attacked examples, drawn by the seed from those both models answer correctly
 *     slices: [all]        # where they are drawn from (default: every example)
 * </pre>
 *
 * The inputs' valid range is {@code perturbations.range}: every value an attack tries is clipped into it.
 */
public record AttackDeclaration(String name, String description, Attack method, Integer examples, List<String> slices) {}
