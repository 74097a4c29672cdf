package dev.flipgate.model.tensor;

import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import java.nio.FloatBuffer;

/**
 * Writes one example's input the way the model wants it: axes reordered when the golden set
 * stores images as HWC and the model takes NCHW, then each value {@code v} becomes
 * {@code (v − shift[i]) * factor[i]}, computed in double and rounded once to float.
 */
public record InputPreparation(InputLayout source, boolean toChannelsFirst, double[] shift, double[] factor) {

  /**
   * How a model declared with {@code input} takes the golden set's inputs: scaled, shifted or
   * standardized numbers; or, for a text golden set, the text itself, which no numeric setting
   * may touch (one declared anyway is refused rather than ignored: it shows a suite written for
   * another golden set).
   */
  public static InputPreparation of(dev.flipgate.model.ModelDeclaration.OnnxInput input, dev.flipgate.model.ModelContext context,
      String modelName, boolean channelsFirst) {
    InputLayout layout = context.inputLayout();
    if (layout.isText()) {
      if (input.scale() != null || input.offset() != null || input.standardize() != null
          || input.layout() != null && !input.layout().equals("FLAT")) {
        throw dev.flipgate.failure.Problem.at(context.suiteFile()).part("model '" + modelName + "'")
            .expected("input: { name, shape: [-1] } for a text golden set: the text is the input, as written")
            .found("scale, offset, standardize or layout in input").whatToDo("remove them, or check the golden set")
            .configurationError("numeric input settings for a text input");
      }
      return scaled(layout, false, 1, 0);
    }
    return input.standardize() != null
        ? Standardizer.read(context.suiteFile(), input.standardize(), context.inputColumns(), layout)
        : scaled(layout, channelsFirst, input.scale() == null ? 1 : input.scale(), input.offset() == null ? 0 : input.offset());
  }

  /** {@code value * scale + offset} for every element. */
  public static InputPreparation scaled(InputLayout source, boolean toChannelsFirst, double scale, double offset) {
    double[] shift = new double[source.size()];
    double[] factor = new double[source.size()];
    java.util.Arrays.fill(shift, -offset / scale);
    java.util.Arrays.fill(factor, scale);
    if (scale == 0) {
      throw new IllegalArgumentException("scale cannot be 0");
    }
    return new InputPreparation(source, toChannelsFirst, shift, factor);
  }

  /**
   * A digest of everything this preparation does to an input — the source shape, the axis order
   * and every element's shift and factor — so that a changed scale, offset or standardizer
   * changes the model's {@link dev.flipgate.model.AnswerKey}.
   */
  public String fingerprint() {
    var bytes = java.nio.ByteBuffer.allocate(16 * shift.length + 64);
    for (int axis : source.shape()) {
      bytes.putInt(axis);
    }
    bytes.put((byte) (toChannelsFirst ? 1 : 0));
    for (int i = 0; i < shift.length; i++) {
      bytes.putDouble(shift[i]).putDouble(factor[i]);
    }
    return dev.flipgate.io.Sha256.ofBytes(java.util.Arrays.copyOf(bytes.array(), bytes.position()));
  }

  public void write(InputTensor tensor, FloatBuffer target) {
    if (tensor.isText()) {
      throw new IllegalStateException("a text input is sent as text, not as numbers");
    }
    int[] shape = source.shape();
    if (toChannelsFirst && shape[2] > 1) {
      int height = shape[0];
      int width = shape[1];
      int channels = shape[2];
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            target.put(prepare(tensor, (y * width + x) * channels + c));
          }
        }
      }
      return;
    }
    for (int i = 0; i < tensor.size(); i++) {
      target.put(prepare(tensor, i));
    }
  }

  private float prepare(InputTensor tensor, int i) {
    return (float) ((tensor.get(i) - shift[i]) * factor[i]);
  }
}
