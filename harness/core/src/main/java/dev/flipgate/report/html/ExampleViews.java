package dev.flipgate.report.html;

import dev.flipgate.goldenset.InputLayout;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.report.ExamplePng;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Renders a model input as a reviewer would look at it: an image as its {@link ExamplePng},
 * anything else as a table of its first {@value #MAX_FEATURES} named features.
 */
final class ExampleViews {
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
    if (input.isText()) {
      return new ExampleView.Text(input.text());
    }
    if (displayColumn.isPresent() && owner != null) {
      return new ExampleView.Text(owner.column(displayColumn.get()).orElse(""));
    }
    if (layout.isEmpty() && owner != null) {
      return metadata(owner); // a predictions-only golden set: what it knows of the example is its metadata
    }
    return ExamplePng.isImage(layout) ? image(input) : features(input);
  }

  /**
   * Where an image was changed: |perturbed − source| per value, the largest change drawn white;
   * empty when the inputs are not images.
   */
  java.util.Optional<ExampleView> difference(InputTensor perturbed, InputTensor source) {
    if (!ExamplePng.isImage(layout) || displayColumn.isPresent()) {
      return java.util.Optional.empty();
    }
    float[] change = new float[perturbed.size()];
    float largest = 0;
    for (int i = 0; i < change.length; i++) {
      change[i] = Math.abs(perturbed.get(i) - source.get(i));
      largest = Math.max(largest, change[i]);
    }
    for (int i = 0; i < change.length; i++) {
      change[i] = largest == 0 ? 0 : change[i] / largest * 255;
    }
    return java.util.Optional.of(image(new InputTensor(change, perturbed.shape())));
  }

  /** A perturbed text with the words its perturbation changed marked; empty for inputs that are not texts. */
  java.util.Optional<ExampleView> markedText(InputTensor perturbed, InputTensor source) {
    if (!perturbed.isText() || !source.isText()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new ExampleView.MarkedText(TextDiff.spans(source.text(), perturbed.text())));
  }

  private ExampleView image(InputTensor input) {
    int[] shape = layout.shape();
    byte[] png = ExamplePng.of(input, layout).orElseThrow();
    return new ExampleView.Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png),
        shape[1] * ExamplePng.ZOOM, shape[0] * ExamplePng.ZOOM);
  }

  private static ExampleView metadata(dev.flipgate.goldenset.Example owner) {
    return new ExampleView.Features(new java.util.TreeMap<>(owner.metadata()).entrySet().stream().limit(MAX_FEATURES)
        .map(e -> new ExampleView.Feature(e.getKey(), e.getValue())).toList());
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
