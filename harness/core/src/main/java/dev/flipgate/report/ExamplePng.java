package dev.flipgate.report;

import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A model input drawn as a PNG, when it is an image: an HWC tensor of 1 or 3 channels
 * (intensities 0…255, or 0…1 scaled up), each pixel drawn {@value #ZOOM}×{@value #ZOOM} so a
 * 28×28 digit is legible. Shared by the HTML report and the Allure attachments.
 */
public final class ExamplePng {
  public static final int ZOOM = 3;

  private ExamplePng() {}

  /** Whether inputs of this layout are images. */
  public static boolean isImage(InputLayout layout) {
    int[] shape = layout.shape();
    return layout.order() == InputLayout.Order.HWC && (shape[2] == 1 || shape[2] == 3);
  }

  /** The PNG of the input, or empty when its layout is not an image. */
  public static Optional<byte[]> of(InputTensor input, InputLayout layout) {
    if (!isImage(layout)) {
      return Optional.empty();
    }
    int[] shape = layout.shape();
    int height = shape[0];
    int width = shape[1];
    int channels = shape[2];
    float max = 0;
    for (int i = 0; i < input.size(); i++) {
      max = Math.max(max, input.get(i));
    }
    double scale = max <= 1 ? 255 : 1; // images stored as 0…1 are shown at full range
    var picture = new BufferedImage(width * ZOOM, height * ZOOM, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = (y * width + x) * channels;
        int r = level(input.get(base), scale);
        int g = channels == 3 ? level(input.get(base + 1), scale) : r;
        int b = channels == 3 ? level(input.get(base + 2), scale) : r;
        int rgb = (r << 16) | (g << 8) | b;
        for (int dy = 0; dy < ZOOM; dy++) {
          for (int dx = 0; dx < ZOOM; dx++) {
            picture.setRGB(x * ZOOM + dx, y * ZOOM + dy, rgb);
          }
        }
      }
    }
    var png = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(png.toByteArray());
  }

  private static int level(float value, double scale) {
    return (int) Math.max(0, Math.min(255, Math.round(value * scale)));
  }
}
