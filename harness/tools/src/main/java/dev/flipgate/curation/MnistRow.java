package dev.flipgate.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One example row of the MNIST golden set: id, label, metadata, tags and pixels. */
record MnistRow(String id, String label, double ink, double offset, List<String> tags, int[] pixels) {
  static final String CONFUSABLE = "confusable";

  static String idOf(int index) {
    return String.format(Locale.ROOT, "t10k-%05d", index);
  }

  static String pairTag(int a, int b) {
    return "confusable-" + Math.min(a, b) + "-" + Math.max(a, b);
  }

  /** Measures are rounded to the two decimals written to the data file, so slices see what readers see. */
  static MnistRow of(DigitImage image, int nearestClass) {
    List<String> tags = new ArrayList<>();
    if (nearestClass != image.label()) {
      tags.add(CONFUSABLE);
      tags.add("looks-like-" + nearestClass);
      for (int[] pair : MnistGoldenSetBuilder.CONFUSED_PAIRS) {
        boolean isPair = (pair[0] == image.label() && pair[1] == nearestClass) || (pair[1] == image.label() && pair[0] == nearestClass);
        if (isPair) {
          tags.add(pairTag(pair[0], pair[1]));
        }
      }
    }
    return new MnistRow(image.id(), String.valueOf(image.label()), round(image.ink()), round(image.centreOffset()), tags,
        image.pixels());
  }

  static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.2f", value));
  }
}
