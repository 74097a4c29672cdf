package dev.flipgate.curation;

/**
 * One 28×28 MNIST image with the measures the curation uses: ink mass (the sum of intensities,
 * in units of one fully inked pixel) and the distance of its centre of mass from the image centre.
 */
record DigitImage(String id, int label, int[] pixels) {
  static final int SIDE = 28;
  private static final double CENTRE = (SIDE - 1) / 2.0;

  double ink() {
    double sum = 0;
    for (int p : pixels) {
      sum += p;
    }
    return sum / 255.0;
  }

  double centreOffset() {
    double mass = 0;
    double x = 0;
    double y = 0;
    for (int i = 0; i < pixels.length; i++) {
      mass += pixels[i];
      x += pixels[i] * (i % SIDE);
      y += pixels[i] * (i / SIDE);
    }
    return mass == 0 ? 0 : Math.hypot(x / mass - CENTRE, y / mass - CENTRE);
  }
}
