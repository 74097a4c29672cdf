package dev.flipgate.goldenset;

import java.util.Arrays;
import java.util.Objects;

/**
 * The model input of one example: float values in row-major order with the shape the golden set
 * declares (for images height × width × channels), or one text (a sentence, a review) for a golden
 * set whose input is a text column. Immutable: the values are copied in and only ever copied out.
 * A text input has shape {@code [1]} and no float values; asking it for one is a programming error.
 */
public final class InputTensor {
  private static final float[] NO_VALUES = new float[0];
  private static final int[] TEXT_SHAPE = {1};

  private final float[] values;
  private final int[] shape;
  private final String text;

  public InputTensor(float[] values, int[] shape) {
    if (Arrays.stream(shape).asLongStream().reduce(1, (x, y) -> x * y) != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
    }
    this.values = values.clone();
    this.shape = shape.clone();
    this.text = null;
  }

  private InputTensor(String text) {
    this.values = NO_VALUES;
    this.shape = TEXT_SHAPE;
    this.text = Objects.requireNonNull(text, "text");
  }

  /** A text input, kept exactly as given (no normalisation: the model decides what a text means). */
  public static InputTensor ofText(String text) {
    return new InputTensor(text);
  }

  public boolean isText() {
    return text != null;
  }

  /** The text of a text input. */
  public String text() {
    if (text == null) {
      throw new IllegalStateException("a numeric input has no text");
    }
    return text;
  }

  /** The number of float values: 0 for a text input. */
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
        && Objects.equals(text, that.text)
        && Arrays.equals(values, that.values)
        && Arrays.equals(shape, that.shape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(values) + Arrays.hashCode(shape)) + Objects.hashCode(text);
  }

  @Override
  public String toString() {
    return text != null ? "InputTensor[text, " + text.length() + " chars]" : "InputTensor" + Arrays.toString(shape);
  }
}
