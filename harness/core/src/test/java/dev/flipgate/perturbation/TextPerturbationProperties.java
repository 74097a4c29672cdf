package dev.flipgate.perturbation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The text generators over random sentences (names, contractions, be-verbs, punctuation,
 * accented letters, an emoji's surrogate pair, U+0085) and seeds: the same seed gives the same
 * text, and each kind changes only what it says it changes.
 */
class TextPerturbationProperties {
  private static final List<String> WORDS = List.of("the", "food", "was", "is", "great", "terrible", "I", "love", "this",
      "phone", "movie", "it", "isn't", "is not", "don't", "do not", "It's", "can't", "cannot", "I'm", "John", "Mary",
      "Paris", "London", "Texas", "café", "naïve", "Straße", "😀", "good", "bad", "really", "not", "never", "would", "be",
      "aa", "b", "Johnny", "parisian", "MARY", "it’s", "were", "they're");
  private static final List<String> GAPS = List.of(" ", " ", " ", ", ", " - ", "\u0085", "  ", "; ");
  private static final List<String> ENDS = List.of("", ".", "!", "!!", "?", "...", " ", ". ");

  @Provide
  Arbitrary<String> sentences() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.of(GAPS).list().ofSize(12),
            Arbitraries.of(ENDS))
        .as((words, gaps, end) -> {
          StringBuilder text = new StringBuilder(words.get(0));
          for (int i = 1; i < words.size(); i++) {
            text.append(gaps.get(i)).append(words.get(i));
          }
          return text.append(end).toString();
        });
  }

  @Provide
  Arbitrary<TextPerturbation> kinds() {
    return Arbitraries.of(new Typo(), new Contraction(), new Punctuation(), new CaseChange("lower"), new CaseChange("upper"),
        new NameSwap(), new AppendClause("positive"), new AppendClause("negative"), new Negation());
  }

  @Property(tries = 500)
  void theSameSeedGivesTheSameText(@ForAll("kinds") TextPerturbation kind, @ForAll("sentences") String text, @ForAll long seed) {
    assertThat(kind.apply(text, new SplittableRandom(seed))).isEqualTo(kind.apply(text, new SplittableRandom(seed)));
  }

  @Property(tries = 500)
  void aTypoSwapsTwoAdjacentLettersOfOneWord(@ForAll("sentences") String text, @ForAll long seed) {
    Optional<String> typo = new Typo().apply(text, new SplittableRandom(seed));
    if (typo.isEmpty()) {
      assertThat(Words.of(text)).allSatisfy(w -> assertThat(w.text().chars().distinct().count()).isOne());
      return;
    }
    String changed = typo.get();
    assertThat(changed).hasSameSizeAs(text);
    int first = 0;
    while (text.charAt(first) == changed.charAt(first)) {
      first++;
    }
    int at = first;
    assertThat(changed.charAt(at)).isEqualTo(text.charAt(at + 1));
    assertThat(changed.charAt(at + 1)).isEqualTo(text.charAt(at));
    assertThat(changed.substring(at + 2)).isEqualTo(text.substring(at + 2));
    assertThat(Words.of(text)).anySatisfy(w -> assertThat(w.start() <= at && at + 1 < w.end()).isTrue());
  }

  @Property(tries = 500)
  void aContractionChangesOneListedFormAndNothingElse(@ForAll("sentences") String text, @ForAll long seed) {
    Optional<String> changed = new Contraction().apply(text, new SplittableRandom(seed));
    if (changed.isEmpty()) {
      return;
    }
    assertThat(changed.get()).isNotEqualTo(text);
    assertThat(expanded(changed.get())).isEqualTo(expanded(text));
    String[] windows = differingWords(text, changed.get());
    assertThat(Contraction.PAIRS).as("%s → %s", windows[0], windows[1]).anySatisfy(pair -> assertThat(
        same(pair[0], windows[0]) && same(pair[1], windows[1]) || same(pair[1], windows[0]) && same(pair[0], windows[1])).isTrue());
  }

  @Property(tries = 500)
  void punctuationChangesOnlyTheClosingPunctuation(@ForAll("sentences") String text, @ForAll long seed) {
    Optional<String> changed = new Punctuation().apply(text, new SplittableRandom(seed));
    if (changed.isEmpty()) {
      return;
    }
    assertThat(changed.get()).isNotEqualTo(text);
    assertThat(core(changed.get())).isEqualTo(core(text));
  }

  @Property(tries = 300)
  void aCaseChangeChangesOnlyTheCase(@ForAll("sentences") String text, @ForAll long seed, @ForAll boolean upper) {
    Optional<String> changed = new CaseChange(upper ? "upper" : "lower").apply(text, new SplittableRandom(seed));
    String expected = upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);

    assertThat(changed).isEqualTo(expected.equals(text) ? Optional.empty() : Optional.of(expected));
  }

  @Property(tries = 500)
  void aNameSwapChangesOnlyNamesEachToAnotherOfItsList(@ForAll("sentences") String text, @ForAll long seed) {
    Optional<String> changed = new NameSwap().apply(text, new SplittableRandom(seed));
    List<Words.Word> before = Words.of(text);
    if (changed.isEmpty()) {
      assertThat(before).noneSatisfy(w -> assertThat(NameSwap.listOf(w.text())).isNotNull());
      return;
    }
    List<Words.Word> after = Words.of(changed.get());
    assertThat(after).hasSameSizeAs(before);
    assertThat(between(changed.get(), after)).isEqualTo(between(text, before));
    Map<String, String> swapped = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      String was = before.get(i).text();
      String now = after.get(i).text();
      List<String> list = NameSwap.listOf(was);
      if (list == null) {
        assertThat(now).isEqualTo(was);
      } else {
        assertThat(list).contains(now);
        assertThat(now).isNotEqualTo(was);
        assertThat(swapped.computeIfAbsent(was, w -> now)).as("the same name, the same other").isEqualTo(now);
      }
    }
  }

  @Property(tries = 300)
  void anAppendedClauseKeepsTheTextAndAddsOneClauseOfItsPolarity(@ForAll("sentences") String text, @ForAll long seed,
      @ForAll boolean positive) {
    var kind = new AppendClause(positive ? "positive" : "negative");
    String changed = kind.apply(text, new SplittableRandom(seed)).orElseThrow();
    String body = text.stripTrailing();

    assertThat(changed).startsWith(body);
    String clause = changed.substring(body.length()).replaceFirst("^\\.? ", "");
    assertThat(kind.clauses()).contains(clause);
  }

  @Property(tries = 500)
  void aNegationInsertsOneNotAfterAVerbOfATextWithoutOne(@ForAll("sentences") String text, @ForAll long seed) {
    Optional<String> changed = new Negation().apply(text, new SplittableRandom(seed));
    if (changed.isEmpty()) {
      return;
    }
    assertThat(Negation.NEGATED.matcher(text).find()).as("the source held no negation").isFalse();
    String result = changed.get();
    assertThat(result).hasSize(text.length() + 4);
    // Some " not" whose removal gives the source back, right after a be or modal verb.
    assertThat(java.util.stream.IntStream.range(0, text.length() + 1).filter(i -> result.startsWith(" not", i)
            && (result.substring(0, i) + result.substring(i + 4)).equals(text)
            && text.substring(0, i).matches("(?is).*\\b(is|was|are|were|am|will|would|can|could|should)")))
        .isNotEmpty();
  }

  @Example
  void templatesExpandToEveryCombinationInOrder() {
    assertThat(TemplateExpansion.expand("I {love|like} this {phone|movie|place}."))
        .containsExactly("I love this phone.", "I love this movie.", "I love this place.", "I like this phone.",
            "I like this movie.", "I like this place.");
    assertThat(TemplateExpansion.expand("No choices.")).containsExactly("No choices.");
  }

  @Property(tries = 100)
  void aTemplateStandsForTheProductOfItsChoices(@ForAll("choices") List<List<String>> choices) {
    StringBuilder template = new StringBuilder("x");
    long product = 1;
    for (List<String> options : choices) {
      template.append(" {").append(String.join("|", options)).append("}");
      product *= options.size();
    }
    List<String> texts = TemplateExpansion.expand(template.toString());

    assertThat(texts).hasSize((int) product);
    String pattern = "x" + choices.stream().map(o -> " (" + String.join("|", o.stream().map(Pattern::quote).toList()) + ")")
        .reduce("", String::concat);
    assertThat(texts).allMatch(t -> t.matches(pattern));
  }

  @Provide
  Arbitrary<List<List<String>>> choices() {
    return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(4).uniqueElements()
        .list().ofMinSize(0).ofMaxSize(4);
  }

  @Example
  void unbalancedBracesAndEmptyChoicesAreRefused() {
    for (String bad : List.of("I {love this", "I love} this", "I {love||like} it", "I {} it")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateExpansion.expand(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The text with every listed contraction expanded, lower-cased: equal for a text and any of its contraction changes. */
  private static String expanded(String text) {
    String out = text.replace('’', '\'').toLowerCase(Locale.ROOT);
    for (String[] pair : Contraction.PAIRS) {
      out = out.replaceAll("(?<![\\p{L}'])" + Pattern.quote(pair[1].toLowerCase(Locale.ROOT)) + "(?![\\p{L}'])",
          java.util.regex.Matcher.quoteReplacement(pair[0].toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** The text without closing punctuation or trailing white space: equal for a text and its punctuation change. */
  private static String core(String text) {
    return text.replaceAll("[.!?\\s]+$", "");
  }

  /** The differing stretch of two texts, widened on both sides to whole words (apostrophes included). */
  private static String[] differingWords(String a, String b) {
    int start = 0;
    while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = a.length();
    int endB = b.length();
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    while (start > 0 && isWordChar(a.charAt(start - 1))) {
      start--;
    }
    while (endA < a.length() && isWordChar(a.charAt(endA))) {
      endA++;
      endB++;
    }
    return new String[] {a.substring(start, endA), b.substring(start, endB)};
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || c == '\'' || c == '’';
  }

  private static boolean same(String form, String found) {
    return form.equalsIgnoreCase(found.replace('’', '\''));
  }

  /** The text between and around the words: what a name swap must leave as it was. */
  private static List<String> between(String text, List<Words.Word> words) {
    List<String> gaps = new java.util.ArrayList<>();
    int at = 0;
    for (Words.Word word : words) {
      gaps.add(text.substring(at, word.start()));
      at = word.end();
    }
    gaps.add(text.substring(at));
    return gaps;
  }
}
