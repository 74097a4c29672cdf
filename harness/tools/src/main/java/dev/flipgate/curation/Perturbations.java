package dev.flipgate.curation;

import java.util.Random;

/**
 * The deterministic perturbations MNIST adversarial examples are made with. Each draws from the
 * {@link Random} it is given (its algorithm is fixed by the Java specification, so a seed gives
 * the same images on every JVM).
 */
final class Perturbations {
  static final int SHIFT = 2;
  static final double NOISE_SIGMA = 32.0;

  private Perturbations() {}

  /** Inverts one pixel inside the central 20×20 area, where the strokes are. */
  static int[] singlePixel(int[] pixels, Random random) {
    int[] out = pixels.clone();
    int row = 4 + random.nextInt(20);
    int column = 4 + random.nextInt(20);
    out[row * DigitImage.SIDE + column] = 255 - out[row * DigitImage.SIDE + column];
    return out;
  }

  /** Moves the whole image {@value #SHIFT} pixels up, down, left or right, filling with background. */
  static int[] shift(int[] pixels, Random random) {
    int[][] directions = {{0, -SHIFT}, {0, SHIFT}, {-SHIFT, 0}, {SHIFT, 0}};
    int[] direction = directions[random.nextInt(directions.length)];
    int[] out = new int[pixels.length];
    for (int row = 0; row < DigitImage.SIDE; row++) {
      for (int column = 0; column < DigitImage.SIDE; column++) {
        int fromRow = row - direction[1];
        int fromColumn = column - direction[0];
        boolean inside = fromRow >= 0 && fromRow < DigitImage.SIDE && fromColumn >= 0 && fromColumn < DigitImage.SIDE;
        out[row * DigitImage.SIDE + column] = inside ? pixels[fromRow * DigitImage.SIDE + fromColumn] : 0;
      }
    }
    return out;
  }

  /** Adds Gaussian noise with σ = {@value #NOISE_SIGMA} intensity levels, rounded and clipped to 0…255. */
  static int[] gaussianNoise(int[] pixels, Random random) {
    int[] out = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      long value = Math.round(pixels[i] + random.nextGaussian() * NOISE_SIGMA);
      out[i] = (int) Math.max(0, Math.min(255, value));
    }
    return out;
  }
}
