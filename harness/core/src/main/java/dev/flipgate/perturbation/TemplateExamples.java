package dev.flipgate.perturbation;

import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.goldenset.SlicePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A CheckList MFT template's examples: its expansions (all, or a sample drawn by the suite's
 * seed and the template's name), each a text with the template's label as its true label and no
 * source example. Ids are {@code <name>#<n>}, n the expansion's place in {@link TemplateExpansion}'s order.
 */
final class TemplateExamples {
  private TemplateExamples() {}

  static List<AdversarialExample> generate(PerturbationsDeclaration.Template template, GoldenSet goldenSet, Inputs inputs,
      long seed, Problem.Builder at, Set<String> names) {
    GeneratedPerturbations.requireName(template.name(), at, names);
    if (!inputs.layout().isText()) {
      throw at.expected("a text golden set (input: { text: … }) for templates").found("numeric inputs")
          .whatToDo("remove the templates, or gate a text golden set").configurationError("templates need text inputs");
    }
    if (template.label() == null || !goldenSet.classes().contains(template.label())) {
      throw at.expected("label: the texts' true class, one of " + goldenSet.classes())
          .found(template.label() == null ? "none" : "'" + template.label() + "'").whatToDo("fix label")
          .configurationError("unknown template label");
    }
    List<String> texts;
    try {
      texts = TemplateExpansion.expand(template.text() == null ? "" : template.text());
    } catch (IllegalArgumentException e) {
      throw at.expected("text: a sentence with {a|b|c} choices, e.g. \"I {love|like} this {phone|movie}.\"")
          .found(e.getMessage()).whatToDo("fix the template").configurationError("unusable template");
    }
    if (texts.stream().anyMatch(String::isBlank)) {
      throw at.expected("text: a sentence").found("an empty text").whatToDo("write the template")
          .configurationError("unusable template");
    }
    if (template.sample() != null && template.sample() < 1) {
      throw at.expected("sample: at least 1 text").found(String.valueOf(template.sample()))
          .whatToDo("raise it, or remove it for every text").configurationError("perturbation parameter out of range");
    }
    int[] chosen = IntStream.range(0, texts.size()).toArray();
    if (template.sample() != null && template.sample() < texts.size()) {
      // The same stream rule as generated perturbations: the suite's seed and the template's name.
      var random = new SplittableRandom(seed ^ (template.name().hashCode() * 0x9E3779B97F4A7C15L));
      chosen = SlicePattern.sample(chosen, template.sample(), random);
    }
    String digits = "%0" + String.valueOf(texts.size()).length() + "d";
    List<AdversarialExample> examples = new ArrayList<>();
    for (int n : chosen) {
      examples.add(new AdversarialExample(template.name() + "#" + String.format(Locale.ROOT, digits, n + 1),
          AdversarialExample.NO_SOURCE, template.name(), Expectation.TRUE_LABEL, template.label(),
          InputTensor.ofText(texts.get(n)), 0));
    }
    return examples;
  }
}
