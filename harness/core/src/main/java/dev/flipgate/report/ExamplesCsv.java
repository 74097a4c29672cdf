package dev.flipgate.report;

import dev.flipgate.comparison.AdversarialOutcome;
import dev.flipgate.comparison.Comparison;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.model.Prediction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The examples behind a check — its negative flips, or the adversarial examples it judged — as
 * CSV a reviewer can open in a spreadsheet: what each model answered, and how sure it was.
 */
public final class ExamplesCsv {
  static final String[] HEADER = {
    "id", "source_id", "perturbation", "expected", "deployed", "candidate",
    "deployed_confidence", "candidate_confidence", "outcome"
  };

  private final Comparison comparison;
  private final Map<String, AdversarialOutcome> adversarial;
  /** Each example's text, for a golden set of text inputs (a last column {@code text}); empty otherwise. */
  private final java.util.function.Function<String, java.util.Optional<String>> texts;

  /** Indexes the comparison once, for the CSVs of many checks of the same run. */
  public ExamplesCsv(Comparison comparison) {
    this(comparison, null);
  }

  /** As above, with each example's text in a last column, looked up by id ({@code null}: no text column). */
  public ExamplesCsv(Comparison comparison, java.util.function.Function<String, java.util.Optional<String>> texts) {
    this.comparison = comparison;
    this.texts = texts;
    adversarial = comparison.adversarialOutcomes().stream()
        .collect(Collectors.toMap(o -> o.example().id(), Function.identity(), (a, b) -> a));
  }

  /** One row per id, in the given order; an id the comparison does not know is a row saying so. */
  public String of(Collection<String> ids) {
    var text = new StringWriter();
    String[] header = HEADER;
    if (texts != null) {
      header = java.util.Arrays.copyOf(HEADER, HEADER.length + 1);
      header[HEADER.length] = "text";
    }
    try (var csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      for (String id : ids) {
        java.util.List<Object> row = new java.util.ArrayList<>();
        var outcome = comparison.outcome(id);
        if (outcome.isPresent()) {
          ExampleOutcome o = outcome.get();
          row.addAll(java.util.List.of(id, "", "", o.label(), o.deployed().label(), o.candidate().label(),
              confidence(o.deployed()), confidence(o.candidate()), o.kind().id()));
        } else if (adversarial.containsKey(id)) {
          AdversarialOutcome o = adversarial.get(id);
          var example = o.example();
          String expected = example.expectation() == Expectation.TRUE_LABEL ? example.label() : o.candidateOnSource().label();
          row.addAll(java.util.List.of(id, example.sourceId(), example.perturbation(), expected, o.deployed().label(),
              o.candidate().label(), confidence(o.deployed()), confidence(o.candidate()),
              "deployed " + (o.deployedPasses() ? "passes" : "fails") + ", candidate " + (o.candidatePasses() ? "passes" : "fails")));
        } else {
          row.addAll(java.util.List.of(id, "", "", "", "", "", "", "", "not in the comparison"));
        }
        if (texts != null) {
          row.add(texts.apply(id).orElse(""));
        }
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory cannot fail", e);
    }
    return text.toString();
  }

  private static String confidence(Prediction prediction) {
    OptionalDouble confidence = prediction.confidence();
    return confidence.isPresent() ? String.format(Locale.ROOT, "%.4f", confidence.getAsDouble()) : "";
  }
}
