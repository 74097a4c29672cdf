package dev.flipgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The highlight of a perturbed text: exactly the words that differ from the source, and the text itself when joined. */
class TextDiffTest {
  private static List<String> changed(String source, String perturbed) {
    return TextDiff.spans(source, perturbed).stream().filter(ExampleView.Span::changed).map(ExampleView.Span::text).toList();
  }

  @Test
  void marksTheWordWithATypo() {
    assertThat(changed("Great for the jawbone.", "Graet for the jawbone.")).containsExactly("Graet");
  }

  @Test
  void marksASwappedNameEverywhereItOccurs() {
    assertThat(changed("John met John in Paris", "Mary met Mary in Paris")).containsExactly("Mary", "Mary");
  }

  @Test
  void marksAnAppendedClauseAsOneSpan() {
    assertThat(changed("Bad fit.", "Bad fit. Never again.")).containsExactly(" Never again.");
  }

  @Test
  void marksAContractionAndNothingAroundIt() {
    assertThat(changed("It is not good", "It isn't good")).containsExactly("isn't");
  }

  @Test
  void marksATextPastTheTokenLimitWhole() {
    String longest = "a ".repeat(TextDiff.MAX_TOKENS / 2);
    assertThat(changed(longest, longest)).isEmpty();
    assertThat(changed(longest + "b", longest + "b")).containsExactly(longest + "b");
  }

  @Test
  void marksNothingInAnUnchangedText() {
    assertThat(changed("Same text.", "Same text.")).isEmpty();
  }

  @Property(tries = 300)
  void theSpansJoinedAreThePerturbedText(@ForAll("texts") String source, @ForAll("texts") String perturbed) {
    String joined = TextDiff.spans(source, perturbed).stream().map(ExampleView.Span::text).collect(Collectors.joining());

    assertThat(joined).isEqualTo(perturbed);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "good", "bad", "John", " ", ", ", ".", "isn't", "café", "\u0085", "😀")
        .list().ofMaxSize(10).map(parts -> String.join("", parts));
  }
}
