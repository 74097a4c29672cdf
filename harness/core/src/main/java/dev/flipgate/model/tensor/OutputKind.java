package dev.flipgate.model.tensor;

import java.util.Arrays;
import java.util.Optional;

/** What an ONNX model's output tensor holds, and so how it becomes class scores. */
public enum OutputKind {
  LOGITS("logits"),
  PROBABILITIES("probabilities"),
  LOG_PROBABILITIES("log-probabilities"),
  LABEL("label"),
  /**
   * One number per example: the probability of the second of two classes (a binary classifier's
   * P(positive), as scikit-learn's ONNX exports and many text models give it). It becomes the
   * scores {@code [1 − p, p]}.
   */
  POSITIVE_PROBABILITY("positive-probability"),
  /** One number per example: the prediction of a regression model. */
  VALUE("value");

  private final String id;

  OutputKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<OutputKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static String known() {
    return Arrays.stream(values()).map(OutputKind::id).toList().toString();
  }

  /** Refuses a class list this kind cannot mean: {@link #POSITIVE_PROBABILITY} is of exactly two classes. */
  public void checkClasses(java.util.List<String> modelClasses, dev.flipgate.failure.Problem.Builder problem) {
    if (this == POSITIVE_PROBABILITY && modelClasses.size() != 2) {
      throw problem.expected("two classes [negative, positive] for output.kind positive-probability")
          .found(modelClasses.size() + " classes " + modelClasses)
          .whatToDo("declare the model's two classes in order (the probability is of the second), or another output.kind")
          .configurationError("positive-probability needs two classes");
    }
  }

  /** How many numbers an example's output holds, for a model of {@code classes} classes. */
  public int width(int classes) {
    return this == LABEL || this == VALUE || this == POSITIVE_PROBABILITY ? 1 : classes;
  }

  /** Turns one example's raw outputs into probabilities. Not for {@link #LABEL}. */
  public double[] toProbabilities(float[] raw) {
    double[] p = new double[raw.length];
    switch (this) {
      case PROBABILITIES -> {
        for (int i = 0; i < raw.length; i++) {
          p[i] = raw[i];
        }
      }
      case LOG_PROBABILITIES -> {
        for (int i = 0; i < raw.length; i++) {
          p[i] = Math.exp(raw[i]);
        }
      }
      case LOGITS -> softmax(raw, p);
      case POSITIVE_PROBABILITY -> {
        return new double[] {1 - (double) raw[0], raw[0]};
      }
      case LABEL, VALUE -> throw new IllegalStateException(id + " outputs have no class scores");
    }
    return p;
  }

  private static void softmax(float[] logits, double[] into) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      into[i] = Math.exp(logits[i] - max); // shifted by the max so large logits cannot overflow
      sum += into[i];
    }
    for (int i = 0; i < into.length; i++) {
      into[i] /= sum;
    }
  }
}
