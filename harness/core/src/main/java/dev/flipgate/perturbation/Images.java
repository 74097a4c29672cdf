package dev.flipgate.perturbation;

/** Pixel arithmetic on row-major HWC images, shared by the image perturbations. */
final class Images {
  private Images() {}

  static int at(Inputs inputs, int x, int y, int channel) {
    return (y * inputs.width() + x) * inputs.channels() + channel;
  }

  /** The image moved by (dx, dy); pixels that come in take {@code fill}. */
  static float[] shifted(float[] values, Inputs inputs, int dx, int dy, float fill) {
    float[] out = new float[values.length];
    java.util.Arrays.fill(out, fill);
    for (int y = 0; y < inputs.height(); y++) {
      for (int x = 0; x < inputs.width(); x++) {
        int fromX = x - dx;
        int fromY = y - dy;
        if (fromX < 0 || fromY < 0 || fromX >= inputs.width() || fromY >= inputs.height()) {
          continue;
        }
        for (int c = 0; c < inputs.channels(); c++) {
          out[at(inputs, x, y, c)] = values[at(inputs, fromX, fromY, c)];
        }
      }
    }
    return out;
  }

  /** The image turned by {@code degrees} about its centre, sampled bilinearly; what comes in takes {@code fill}. */
  static float[] rotated(float[] values, Inputs inputs, double degrees, float fill) {
    float[] out = new float[values.length];
    double radians = Math.toRadians(degrees);
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    double cx = (inputs.width() - 1) / 2.0;
    double cy = (inputs.height() - 1) / 2.0;
    for (int y = 0; y < inputs.height(); y++) {
      for (int x = 0; x < inputs.width(); x++) {
        // The source of (x, y): turned back by the angle.
        double sx = cos * (x - cx) + sin * (y - cy) + cx;
        double sy = -sin * (x - cx) + cos * (y - cy) + cy;
        for (int c = 0; c < inputs.channels(); c++) {
          out[at(inputs, x, y, c)] = bilinear(values, inputs, sx, sy, c, fill);
        }
      }
    }
    return out;
  }

  private static float bilinear(float[] values, Inputs inputs, double x, double y, int c, float fill) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double top = (1 - fx) * pixel(values, inputs, x0, y0, c, fill) + fx * pixel(values, inputs, x0 + 1, y0, c, fill);
    double bottom = (1 - fx) * pixel(values, inputs, x0, y0 + 1, c, fill) + fx * pixel(values, inputs, x0 + 1, y0 + 1, c, fill);
    return (float) ((1 - fy) * top + fy * bottom);
  }

  private static float pixel(float[] values, Inputs inputs, int x, int y, int c, float fill) {
    return x < 0 || y < 0 || x >= inputs.width() || y >= inputs.height() ? fill : values[at(inputs, x, y, c)];
  }
}
