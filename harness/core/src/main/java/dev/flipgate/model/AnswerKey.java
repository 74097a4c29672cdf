package dev.flipgate.model;

import dev.flipgate.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that determines a model's answers, named: the key its answers are cached under. Two
 * runs share cached answers only when every determinant is equal, so a changed model file,
 * input preparation, output reading, class order, served model or runtime is a miss, never a
 * stale answer. When in doubt a determinant is added: a needless miss costs a model call, a
 * missing one a wrong verdict.
 *
 * <pre>
 * AnswerKey.of("onnx")
 *     .with("model sha256", identity.sha256())
 *     .with("input preparation", preparation.fingerprint())
 *     .with("output", "Plus214_Output_0 as logits");
 * </pre>
 */
public final class AnswerKey {
  private final Map<String, String> determinants = new LinkedHashMap<>();

  private AnswerKey(String adapterKind) {
    determinants.put("adapter", adapterKind);
  }

  public static AnswerKey of(String adapterKind) {
    return new AnswerKey(adapterKind);
  }

  /** Adds a determinant; a name given twice is a programming error. */
  public AnswerKey with(String name, Object value) {
    if (determinants.putIfAbsent(name, String.valueOf(value)) != null) {
      throw new IllegalArgumentException("determinant '" + name + "' given twice");
    }
    return this;
  }

  /** The classes a model answers in, and the order its scores are stored in. */
  public AnswerKey withClasses(List<String> modelClasses, List<String> goldenClasses) {
    return with("model classes", modelClasses).with("golden-set classes", goldenClasses);
  }

  public Map<String, String> determinants() {
    return Map.copyOf(determinants);
  }

  /** The determinants, one {@code name: value} line each, in the order given. */
  public String describe() {
    var text = new StringBuilder();
    determinants.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  public String sha256() {
    return Sha256.ofBytes(describe().getBytes(StandardCharsets.UTF_8));
  }
}
