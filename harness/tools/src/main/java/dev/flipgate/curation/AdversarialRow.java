package dev.flipgate.curation;

/** One adversarial row: the source example, the perturbation, the expectation and the perturbed pixels. */
record AdversarialRow(String source, String perturbation, String expectation, int[] pixels) {
  String id() {
    return source + "~" + perturbation;
  }
}
