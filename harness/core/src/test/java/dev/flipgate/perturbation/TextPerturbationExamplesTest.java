package dev.flipgate.perturbation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flipgate.failure.ConfigurationException;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.InputLayout;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each text kind on sentences a reviewer would write: what it does, where it declines, and how a suite names it. */
class TextPerturbationExamplesTest {
  private static final Inputs TEXT = new Inputs(new InputLayout(new int[] {1}, InputLayout.Order.TEXT), List.of("text"));
  private static final Inputs NUMBERS = new Inputs(new InputLayout(new int[] {2}, InputLayout.Order.FLAT), List.of("a", "b"));

  private static Optional<String> apply(TextPerturbation kind, String text) {
    return kind.apply(text, new SplittableRandom(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "It is not good.|It isn't good.|It is n't good.",
      "Is not it great?|Isn't it great?|x",
      "I'm happy.|I am happy.|x",
      "They don’t care.|They do not care.|x",
      "cannot stand it|can't stand it|x"})
  void aContractionSwapsOneFormForItsCounterpartKeepingTheCapital(String text, String expected, String never) {
    // A text with one listed form has exactly one change to make; "It is not" holds two ("It is", "is not").
    assertThat(apply(new Contraction(), text).orElseThrow()).isIn(expected, text.replace("It is", "It's"));
    assertThat(apply(new Contraction(), text)).isNotEqualTo(Optional.of(never));
  }

  @Test
  void aContractionDeclinesATextWithoutAListedForm() {
    assertThat(apply(new Contraction(), "Great phone, works well.")).isEmpty();
    assertThat(apply(new Contraction(), "This island isn’")).isEmpty();
  }

  @Test
  void punctuationRemovesTheClosingMarksOrAddsAFullStop() {
    assertThat(apply(new Punctuation(), "Great phone!!")).contains("Great phone");
    assertThat(apply(new Punctuation(), "Great phone. ")).contains("Great phone ");
    assertThat(apply(new Punctuation(), "Great phone")).contains("Great phone.");
    assertThat(apply(new Punctuation(), "Great phone  ")).contains("Great phone.  ");
    assertThat(apply(new Punctuation(), "?!")).as("nothing but punctuation").isEmpty();
  }

  @Test
  void aNegationFollowsTheFirstBeOrModalVerbAndReversesTheLabel() {
    assertThat(apply(new Negation(), "The food was good and the staff were kind.")).contains(
        "The food was not good and the staff were kind.");
    assertThat(apply(new Negation(), "This Is great")).contains("This Is not great");
    assertThat(apply(new Negation(), "It isn't good.")).as("already negated").isEmpty();
    assertThat(apply(new Negation(), "Never again.")).as("already negated").isEmpty();
    assertThat(apply(new Negation(), "Loved it.")).as("no be or modal verb").isEmpty();
    assertThat(apply(new Negation(), "This island was fine")).contains("This island was not fine");
    assertThat(new Negation().reversesLabel()).isTrue();
    assertThat(new Typo().reversesLabel()).isFalse();
  }

  @Test
  void aClauseFollowsAFullStopOrGetsOne() {
    String closed = apply(new AppendClause("negative"), "Nice screen.  ").orElseThrow();
    String open = apply(new AppendClause("positive"), "Nice screen").orElseThrow();

    assertThat(AppendClause.NEGATIVE).anySatisfy(clause -> assertThat(closed).isEqualTo("Nice screen. " + clause));
    assertThat(AppendClause.POSITIVE).anySatisfy(clause -> assertThat(open).isEqualTo("Nice screen. " + clause));
    assertThat(apply(new AppendClause("positive"), "Nice?").orElseThrow()).startsWith("Nice? ");
    assertThat(apply(new AppendClause("positive"), "Nice!").orElseThrow()).startsWith("Nice! ");
  }

  @Test
  void aNameSwapDeclinesATextWithoutAListedName() {
    assertThat(apply(new NameSwap(), "the parisian cafe was lovely")).isEmpty();
    assertThat(apply(new NameSwap(), "Paris was lovely").orElseThrow()).doesNotContain("Paris").endsWith(" was lovely");
  }

  @Test
  void aTypoDeclinesATextWithoutTwoDifferentAdjacentLetters() {
    assertThat(apply(new Typo(), "a 1 b 22 oo")).isEmpty();
    assertThat(apply(new Typo(), "ab")).contains("ba");
  }

  @Test
  void caseDeclinesATextAlreadyInThatCase() {
    assertThat(apply(new CaseChange("lower"), "all lower 1")).isEmpty();
    assertThat(apply(new CaseChange("upper"), "Istanbul")).contains("ISTANBUL");
  }

  @Test
  void suitesNameEachKindByItsKindAndParametersAreChecked() throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory());
    for (String kind : List.of("typo", "contraction", "punctuation", "name-swap", "negation")) {
      Perturbation read = yaml.readValue("kind: " + kind, Perturbation.class);
      assertThat(read.kind()).isEqualTo(kind);
      assertThat(read.describe()).isNotBlank();
    }
    assertThat(yaml.readValue("{kind: case, to: upper}", Perturbation.class)).isEqualTo(new CaseChange("upper"));
    assertThat(yaml.readValue("{kind: append-clause, polarity: negative}", Perturbation.class).kind()).isEqualTo("append-clause");

    assertThatThrownBy(() -> new CaseChange("title").validate(TEXT, Problem.at("suite.yaml")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("to: lower or upper").hasMessageContaining("'title'");
    assertThatThrownBy(() -> new AppendClause(null).validate(TEXT, Problem.at("suite.yaml")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("polarity: positive or negative");
    for (TextPerturbation kind : List.of(new Typo(), new CaseChange("lower"), new AppendClause("positive"))) {
      assertThatThrownBy(() -> kind.validate(NUMBERS, Problem.at("suite.yaml")))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("a text golden set");
    }
  }

  @Test
  void templatesRefuseABraceInTheMiddleAndTooManyTexts() {
    assertThatThrownBy(() -> TemplateExpansion.expand("{a|b} x} {c|d}")).hasMessageContaining("unbalanced brace");
    String ten = "{a|b|c|d|e|f|g|h|i|j}";
    assertThat(TemplateExpansion.expand(ten.repeat(5))).hasSize(100_000);
    assertThatThrownBy(() -> TemplateExpansion.expand(ten.repeat(5) + "{x|y}")).hasMessageContaining("more than 100000 texts");
  }
}
