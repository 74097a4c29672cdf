package dev.flipgate.report.html;

import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders a model input as a reviewer would look at it: an HWC tensor of 1 or 3 channels as a
 * PNG (intensities 0…255, or 0…1 scaled up; each pixel drawn {@value #ZOOM}×{@value #ZOOM}),
 * anything else as a table of its first {@value #MAX_FEATURES} named features.
 */
final class ExampleViews {
  static final int ZOOM = 3;
  static final int MAX_FEATURES = 40;

  private final InputLayout layout;
  private final List<String> columns;
  private final java.util.Optional<String> displayColumn;

  ExampleViews(InputLayout layout, List<String> columns, java.util.Optional<String> displayColumn) {
    this.layout = layout;
    this.columns = List.copyOf(columns);
    this.displayColumn = displayColumn;
  }

  /**
   * The view of an input; {@code owner} is the example it belongs to (for an adversarial
   * example, its source), whose display column, when the golden set declares one, is shown as text.
   */
  ExampleView of(InputTensor input, dev.flipgate.goldenset.Example owner) {
    if (displayColumn.isPresent() && owner != null) {
      return new ExampleView.Text(owner.column(displayColumn.get()).orElse(""));
    }
    int[] shape = layout.shape();
    boolean image = layout.order() == InputLayout.Order.HWC && (shape[2] == 1 || shape[2] == 3);
    return image ? image(input, shape[0], shape[1], shape[2]) : features(input);
  }

  private ExampleView image(InputTensor input, int height, int width, int channels) {
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
    return new ExampleView.Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
        width * ZOOM, height * ZOOM);
  }

  private static int level(float value, double scale) {
    return (int) Math.max(0, Math.min(255, Math.round(value * scale)));
  }

  private ExampleView features(InputTensor input) {
    List<ExampleView.Feature> features = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_FEATURES, input.size()); i++) {
      String name = i < columns.size() ? columns.get(i) : "x" + i;
      features.add(new ExampleView.Feature(name, Float.toString(input.get(i))));
    }
    return new ExampleView.Features(features);
  }
}
