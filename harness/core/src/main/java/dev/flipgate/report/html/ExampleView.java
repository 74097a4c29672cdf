package dev.flipgate.report.html;

import java.util.List;

/** How an example is shown in the gallery: as the image it is, or as a small feature table. */
public sealed interface ExampleView {

  /** A PNG, as a data URI the page's Content-Security-Policy allows ({@code img-src data:}). */
  record Image(String dataUri, int width, int height) implements ExampleView {}

  record Features(List<Feature> features) implements ExampleView {
    public Features {
      features = List.copyOf(features);
    }
  }

  record Feature(String name, String value) {}

  /** The example's own text, from the golden set's display column, shown as text. */
  record Text(String text) implements ExampleView {}

  /**
   * A perturbed text as spans, the words the perturbation changed marked, for a reviewer to see
   * at a glance what a typo or a name swap did. Each span is rendered as text (escaped).
   */
  record MarkedText(List<Span> spans) implements ExampleView {
    public MarkedText {
      spans = List.copyOf(spans);
    }
  }

  record Span(String text, boolean changed) {}

  /** The golden set was not at hand (a report re-rendered without it). */
  record Missing() implements ExampleView {}

  default boolean isImage() {
    return this instanceof Image;
  }

  default boolean isText() {
    return this instanceof Text;
  }

  default boolean isMarkedText() {
    return this instanceof MarkedText;
  }

  default boolean isFeatures() {
    return this instanceof Features;
  }
}
