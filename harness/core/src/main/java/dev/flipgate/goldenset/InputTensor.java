package dev.flipgate.goldenset;

import java.util.Arrays;

/**
 * The model input of one example: float values in row-major order with the shape the golden
 * set declares (for images height × width × channels). Immutable: the values are copied in and
 * only ever copied out.
 */
public final class InputTensor {
  private final float[] values;
  private final int[] shape;

  public InputTensor(float[] values, int[] shape) {
    if (Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y) != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
    }
    this.values = values.clone();
    this.shape = shape.clone();
  }

  public int size() {
    return values.length;
  }

  public float get(int index) {
    return values[index];
  }

  public int[] shape() {
    return shape.clone();
  }

  public float[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InputTensor that
        && Arrays.equals(values, that.values)
        && Arrays.equals(shape, that.shape);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "InputTensor" + Arrays.toString(shape);
  }
}
