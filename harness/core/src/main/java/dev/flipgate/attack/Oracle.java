package dev.flipgate.attack;

import dev.flipgate.model.Prediction;
import java.util.List;

/** A model an attack may ask: each input's answer, in order. Every input asked counts against the budget. */
@FunctionalInterface
public interface Oracle {
  List<Prediction> ask(List<float[]> inputs);
}
