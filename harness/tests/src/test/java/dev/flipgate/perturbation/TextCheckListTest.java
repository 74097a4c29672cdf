package dev.flipgate.perturbation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Example;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.suite.SuiteReader;
import dev.flipgate.testing.SentimentReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentiment suite's CheckList tests as the gate generates them from the 3,000 sentences: the
 * same seed gives the same texts, another seed other typos; no generated text equals its source;
 * a negation's true label is the other class; a template stands for every expansion, with no source.
 */
class TextCheckListTest {
  @TempDir Path directory;

  @Test
  void theSameSeedGivesTheSameTextsAndAnotherSeedOtherTypos() throws IOException {
    List<AdversarialExample> first = generated(20261201L);
    List<AdversarialExample> again = generated(20261201L);
    List<AdversarialExample> other = generated(7L);

    assertThat(first).isNotEmpty().isEqualTo(again);
    // On the sources both seeds sampled, the other seed swaps other letters.
    Map<String, String> typos = texts(first, "typo");
    Map<String, String> otherTypos = texts(other, "typo");
    assertThat(typos.keySet().stream().filter(otherTypos::containsKey)
        .filter(id -> !typos.get(id).equals(otherTypos.get(id)))).isNotEmpty();
    // A kind without randomness gives a source the same text whatever the seed (the seed only samples the sources).
    Map<String, String> lower = texts(first, "lower-case");
    Map<String, String> otherLower = texts(other, "lower-case");
    assertThat(lower.keySet()).containsAnyElementsOf(otherLower.keySet());
    lower.forEach((id, text) -> assertThat(otherLower.getOrDefault(id, text)).as(id).isEqualTo(text));
  }

  @Test
  void everyGeneratedTextDiffersFromItsSourceAndKeepsOrReversesItsLabelAsItsKindSays() throws IOException {
    GoldenSet goldenSet = SuiteReader.read(SentimentReference.goldenSet().resolve("suite.yaml")).loadGoldenSet();
    Map<String, Example> sources = goldenSet.examplesById();
    List<AdversarialExample> generated = goldenSet.adversarialExamples();

    assertThat(generated.stream().map(AdversarialExample::perturbation).distinct()).containsExactly("typo", "contraction",
        "punctuation", "lower-case", "name-swap", "negative-clause", "positive-clause", "negation", "love-this",
        "not-love-this", "is-great", "is-not-great");
    for (AdversarialExample example : generated) {
      if (!example.hasSource()) {
        assertThat(example.expectation()).isEqualTo(Expectation.TRUE_LABEL);
        continue;
      }
      Example source = sources.get(example.sourceId());
      assertThat(example.input().text()).as(example.id()).isNotEqualTo(source.input().text());
      String expectedLabel = example.perturbation().equals("negation")
          ? (source.label().equals("positive") ? "negative" : "positive") : source.label();
      assertThat(example.label()).as(example.id()).isEqualTo(expectedLabel);
    }
    // 3 × 3 × 3 expansions of "I {don't|do not|didn't} {love|like|enjoy} this {phone|movie|place}."
    assertThat(generated.stream().filter(e -> e.perturbation().equals("not-love-this")))
        .hasSize(27).allSatisfy(e -> assertThat(e.label()).isEqualTo("negative"));
    assertThat(generated.stream().filter(e -> e.perturbation().equals("name-swap")).count())
        .as("only the sentences holding a listed name").isBetween(1L, 300L);
  }

  private List<AdversarialExample> generated(long seed) throws IOException {
    Path sentiment = SentimentReference.goldenSet();
    Path copy = Files.createDirectories(directory.resolve("seed-" + seed));
    for (String file : List.of("manifest.yaml", "examples.jsonl", "golden-set.lock")) {
      if (!Files.exists(copy.resolve(file))) {
        Files.copy(sentiment.resolve(file), copy.resolve(file));
      }
    }
    Files.createDirectories(copy.resolve("models"));
    String suite = Files.readString(sentiment.resolve("suite.yaml")).replace("seed: 20261201", "seed: " + seed);
    Files.writeString(copy.resolve("suite.yaml"), suite);
    return SuiteReader.read(copy.resolve("suite.yaml")).loadGoldenSet().adversarialExamples();
  }

  private static Map<String, String> texts(List<AdversarialExample> examples, String perturbation) {
    return examples.stream().filter(e -> e.perturbation().equals(perturbation))
        .collect(Collectors.toMap(AdversarialExample::id, e -> e.input().text()));
  }
}
