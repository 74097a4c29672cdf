package dev.flipgate.report.html;

import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Example;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flip gallery: every negative flip, every critical example that regressed, and every
 * adversarial example only the candidate fails (with its source beside it), up to
 * {@value HtmlReport#MAX_CARDS_PER_KIND} of each kind.
 */
record Cards(List<ReportPage.Card> list, int leftOut) {

  static Cards of(ResultDocument result, Optional<GoldenSet> goldenSet) {
    Optional<ExampleViews> views = goldenSet.map(g -> new ExampleViews(g.inputLayout(), g.inputColumns(), g.displayColumn()));
    Map<String, Example> examples = goldenSet.map(GoldenSet::examplesById).orElse(Map.of());
    Map<String, AdversarialExample> adversarial = goldenSet.map(g -> g.adversarialExamples().stream()
        .collect(java.util.stream.Collectors.toMap(AdversarialExample::id, a -> a, (a, b) -> a))).orElse(Map.of());
    List<ReportPage.Card> cards = new ArrayList<>();
    int leftOut = 0;
    List<ResultDocument.Outcome> negative = result.flips().stream().filter(f -> f.kind().equals("negative")).toList();
    List<ResultDocument.Outcome> critical = result.critical().stream().filter(c -> c.kind().equals("negative")).toList();
    leftOut += (int) Math.max(0, result.flipCounts().negative() - Math.min(negative.size(), HtmlReport.MAX_CARDS_PER_KIND));
    leftOut += Math.max(0, critical.size() - HtmlReport.MAX_CARDS_PER_KIND);
    leftOut += Math.max(0, result.adversarialFailures().size() - HtmlReport.MAX_CARDS_PER_KIND);
    for (ResultDocument.Outcome o : negative.stream().limit(HtmlReport.MAX_CARDS_PER_KIND).toList()) {
      cards.add(outcome(cards.size(), "negative", "negative flip", o, view(views, examples.get(o.id()))));
    }
    for (ResultDocument.Outcome o : critical.stream().limit(HtmlReport.MAX_CARDS_PER_KIND).toList()) {
      cards.add(outcome(cards.size(), "critical", "critical example regressed", o, view(views, examples.get(o.id()))));
    }
    for (ResultDocument.AdversarialFailure a : result.adversarialFailures().stream().limit(HtmlReport.MAX_CARDS_PER_KIND).toList()) {
      AdversarialExample example = adversarial.get(a.id());
      Example source = examples.get(a.source());
      cards.add(new ReportPage.Card("card-" + cards.size(), "adversarial", "adversarial: " + a.perturbation(), a.id(),
          a.label(), a.deployed(), ReportNumbers.percent(a.deployedConfidence()), a.candidate(),
          ReportNumbers.percent(a.candidateConfidence()), "", List.of(),
          views.flatMap(v -> Optional.ofNullable(example).map(e -> Optional.ofNullable(source)
              .flatMap(src -> v.markedText(e.input(), src.input())).orElseGet(() -> v.of(e.input(), null))))
              .orElse(new ExampleView.Missing()),
          view(views, source), a.source(), a.perturbation(),
          views.flatMap(v -> Optional.ofNullable(example).flatMap(e -> Optional.ofNullable(source)
              .flatMap(src -> v.difference(e.input(), src.input())))).orElse(null), expectation(a)));
    }
    return new Cards(cards, leftOut);
  }

  private static ReportPage.Card outcome(int index, String kind, String kindLabel, ResultDocument.Outcome o, ExampleView view) {
    List<String> slices = o.slices() == null ? List.of() : o.slices();
    return new ReportPage.Card("card-" + index, kind, kindLabel, o.id(), o.label(), o.deployed(),
        ReportNumbers.percent(o.deployedConfidence()), o.candidate(), ReportNumbers.percent(o.candidateConfidence()),
        String.join("\u001f", slices), slices, view, null, null, null, null, null);
  }

  /** What the example demanded and the candidate missed, in words. */
  private static String expectation(ResultDocument.AdversarialFailure a) {
    return switch (a.expectation()) {
      case "invariant" -> "expected the answer given on the source; the candidate said " + a.candidateOnSource() + " there";
      case "directional" -> a.direction() == null ? "expected a direction" : String.format(java.util.Locale.ROOT,
          "the %s score must %s; the candidate's went %.3f → %.3f", a.direction().className(),
          a.direction().must().replace('-', ' '), a.direction().candidate().get(0), a.direction().candidate().get(1));
      default -> "expected the true label " + a.label();
    };
  }

  private static ExampleView view(Optional<ExampleViews> views, Example example) {
    return views.flatMap(v -> Optional.ofNullable(example).map(e -> v.of(e.input(), e))).orElse(new ExampleView.Missing());
  }
}
