package dev.flipgate.model.onnx;

import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import java.nio.FloatBuffer;

/**
 * Writes one example's input the way the model wants it: axes reordered when the golden set
 * stores images as HWC and the model takes NCHW, then {@code value * scale + offset}.
 */
record InputPreparation(InputLayout source, boolean toChannelsFirst, float scale, float offset) {

  void write(InputTensor tensor, FloatBuffer target) {
    int[] shape = source.shape();
    if (toChannelsFirst && shape[2] > 1) {
      int height = shape[0];
      int width = shape[1];
      int channels = shape[2];
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            target.put(tensor.get((y * width + x) * channels + c) * scale + offset);
          }
        }
      }
      return;
    }
    for (int i = 0; i < tensor.size(); i++) {
      target.put(tensor.get(i) * scale + offset);
    }
  }
}
