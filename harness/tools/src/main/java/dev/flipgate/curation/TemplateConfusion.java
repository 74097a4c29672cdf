package dev.flipgate.curation;

import java.util.List;

/**
 * A model-free measure of how confusable a digit image is: the class whose mean image (over the
 * whole test set) is nearest to it. An image nearer to another digit's mean than to its own
 * looks, pixel for pixel, like that other digit. Using no trained model keeps the curation
 * independent of the models it will judge.
 */
final class TemplateConfusion {
  private final double[][] means = new double[10][DigitImage.SIDE * DigitImage.SIDE];

  TemplateConfusion(List<DigitImage> images) {
    int[] counts = new int[10];
    for (DigitImage image : images) {
      counts[image.label()]++;
      for (int i = 0; i < image.pixels().length; i++) {
        means[image.label()][i] += image.pixels()[i];
      }
    }
    for (int digit = 0; digit < 10; digit++) {
      for (int i = 0; i < means[digit].length; i++) {
        means[digit][i] /= Math.max(1, counts[digit]);
      }
    }
  }

  int nearestClass(DigitImage image) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int digit = 0; digit < 10; digit++) {
      double distance = 0;
      for (int i = 0; i < image.pixels().length; i++) {
        double d = image.pixels()[i] - means[digit][i];
        distance += d * d;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = digit;
      }
    }
    return best;
  }
}
