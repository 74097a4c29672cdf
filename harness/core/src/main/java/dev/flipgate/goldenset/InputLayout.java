package dev.flipgate.goldenset;

import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of every example's input and, for images, the order of its axes: {@code HWC}
 * (height, width, channels — how images are usually stored), {@code FLAT} for feature vectors
 * and anything a model takes as declared, or {@code TEXT}: one text per example, shape {@code [1]}.
 */
public record InputLayout(int[] shape, Order order) {

  public enum Order { HWC, FLAT, TEXT }

  /** Whether each example's input is one text rather than numbers. */
  public boolean isText() {
    return order == Order.TEXT;
  }

  public InputLayout {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  /** The layout of a golden set that declares no model input (see {@link #isEmpty}). */
  static InputLayout none() {
    return new InputLayout(new int[] {0}, Order.FLAT);
  }

  /** Whether the golden set declares no model input: only stored answers can be gated on it. */
  public boolean isEmpty() {
    return size() == 0;
  }

  static InputLayout of(GoldenSetManifest.InputDeclaration declaration, Path manifest) {
    if (declaration == null) {
      return none();
    }
    if (declaration.text() != null) {
      return new InputLayout(new int[] {1}, Order.TEXT);
    }
    List<Integer> declared = declaration.shape();
    int[] shape = declared == null
        ? new int[] {InputColumns.of(declaration, manifest).names().size()}
        : declared.stream().mapToInt(Integer::intValue).toArray();
    String layout = declaration.layout() == null ? "FLAT" : declaration.layout();
    return switch (layout) {
      case "HWC" -> {
        if (shape.length != 3) {
          throw Problem.at(manifest).expected("a shape [height, width, channels] for layout HWC")
              .found(declared.toString()).whatToDo("fix input.shape").configurationError("layout does not fit the shape");
        }
        yield new InputLayout(shape, Order.HWC);
      }
      case "FLAT" -> new InputLayout(shape, Order.FLAT);
      default -> throw Problem.at(manifest).expected("input.layout HWC or FLAT").found("'" + layout + "'")
          .whatToDo("fix input.layout").configurationError("unknown input layout");
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InputLayout that && Arrays.equals(shape, that.shape) && order == that.order;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + order.hashCode();
  }

  @Override
  public String toString() {
    return order + Arrays.toString(shape);
  }
}
