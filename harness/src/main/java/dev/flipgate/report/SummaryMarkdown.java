package dev.flipgate.report;

import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.comparison.FlipKind;
import dev.flipgate.comparison.PerturbationComparison;
import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.gate.Verdict;
import dev.flipgate.provenance.Provenance;
import dev.flipgate.run.RunResult;
import java.util.List;

/**
 * {@code summary.md}: the verdict, reasons, slice table, robustness and the negative flips, short
 * enough to post as a pull-request comment. Golden-set text is escaped so a hostile id cannot
 * inject Markdown or HTML into the comment.
 */
public final class SummaryMarkdown {
  private static final int FLIPS_SHOWN = 100;

  private SummaryMarkdown() {}

  public static String render(RunResult result) {
    var out = new StringBuilder();
    Provenance provenance = result.provenance();
    Verdict verdict = result.decision().verdict();
    out.append("# Flipgate: ").append(verdict == Verdict.PROMOTE ? "✅ PROMOTE" : "⛔ BLOCK").append("\n\n");
    out.append("Candidate **").append(md(provenance.candidate().name())).append("** against deployed **")
        .append(md(provenance.deployed().name())).append("** on golden set **").append(md(provenance.goldenSet().name()))
        .append("** ").append(md(provenance.goldenSet().version())).append(" (")
        .append(provenance.goldenSet().examples()).append(" examples, ")
        .append(provenance.goldenSet().adversarialExamples()).append(" adversarial).\n\n");
    reasons(out, result.decision().reasons());
    underpowered(out, result.decision().underpowered());
    slices(out, result.comparison().slices(), Formats.headline(result.goldenSet().task()));
    perturbations(out, result.comparison().perturbations());
    negativeFlips(out, result.comparison().flips());
    checks(out, result.decision().checks());
    provenance(out, provenance);
    return out.toString();
  }

  private static void reasons(StringBuilder out, List<RuleCheck> reasons) {
    out.append("## Reasons\n\n");
    if (reasons.isEmpty()) {
      out.append("Every rule of the gate policy passed.\n\n");
      return;
    }
    reasons.forEach(r -> out.append("- `").append(r.rule()).append("` ").append(md(r.message())).append('\n'));
    out.append('\n');
  }

  private static void underpowered(StringBuilder out, List<RuleCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    out.append("## Underpowered checks (").append(checks.size()).append(")\n\n")
        .append("These slices are too small to reveal the rule's threshold; their verdict rests on little evidence.\n\n");
    checks.forEach(c -> out.append("- `").append(c.rule()).append("` on ").append(md(c.subject().name())).append(": ")
        .append(md(c.underpowered().orElseThrow())).append(c.passed() ? "" : " (failed)").append('\n'));
    out.append('\n');
  }

  private static void slices(StringBuilder out, List<SliceComparison> slices, SliceMetric headline) {
    String name = headline.id();
    out.append("## Slices\n\nΔ = candidate − deployed, with its 95% paired bootstrap interval")
        .append(headline == SliceMetric.ACCURACY ? "; p is McNemar's exact one-sided test that the candidate is less accurate" : "")
        .append(".\n\n| slice | n | deployed ").append(name).append(" | candidate ").append(name).append(" | Δ ").append(name)
        .append(" [interval] | p | negative flips | positive flips | NFR [interval] |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SliceComparison s : slices) {
      var delta = s.evidence().delta(headline);
      var nfr = s.evidence().negativeFlipRate();
      out.append("| ").append(md(s.name())).append(" | ").append(s.n())
          .append(" | ").append(Formats.value(headline, headline.of(s.deployed())))
          .append(" | ").append(Formats.value(headline, headline.of(s.candidate())))
          .append(" | ").append(Formats.change(headline, s.delta(headline)))
          .append(delta == null ? "" : delta.ci().map(ci -> Formats.changeInterval(headline, ci)).orElse(""))
          .append(" | ").append(delta == null ? "–" : Formats.pValue(delta.pValue()))
          .append(" | ").append(s.counts().negativeFlips()).append(" | ").append(s.counts().positiveFlips())
          .append(" | ").append(Formats.percent(s.counts().nfr())).append(nfr.ci().map(Formats::percentInterval).orElse(""))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void perturbations(StringBuilder out, List<PerturbationComparison> perturbations) {
    if (perturbations.isEmpty()) {
      return;
    }
    out.append("## Adversarial robustness\n\n")
        .append("| perturbation | n | deployed | candidate | Δ robustness | failed only by the candidate |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (PerturbationComparison p : perturbations) {
      out.append("| ").append(md(p.perturbation())).append(" | ").append(p.n())
          .append(" | ").append(Formats.percent(p.deployedRobustness()))
          .append(" | ").append(Formats.percent(p.candidateRobustness()))
          .append(" | ").append(Formats.points(java.util.OptionalDouble.of(-p.robustnessDrop())))
          .append(" | ").append(p.candidateOnlyFailures().size()).append(" |\n");
    }
    out.append('\n');
  }

  private static void negativeFlips(StringBuilder out, List<ExampleOutcome> flips) {
    List<ExampleOutcome> negative = flips.stream().filter(f -> f.kind() == FlipKind.NEGATIVE).toList();
    out.append("## Negative flips (").append(negative.size()).append(")\n\n");
    if (negative.isEmpty()) {
      out.append("None: every example the deployed model got right, the candidate gets right too.\n\n");
      return;
    }
    out.append("| example | label | deployed | candidate |\n|---|---|---|---|\n");
    negative.stream().limit(FLIPS_SHOWN).forEach(f -> out.append("| ").append(md(f.id())).append(" | ")
        .append(md(f.label())).append(" | ").append(md(f.deployed().label())).append(" | ")
        .append(md(f.candidate().label())).append(" |\n"));
    if (negative.size() > FLIPS_SHOWN) {
      out.append("\n… and ").append(negative.size() - FLIPS_SHOWN).append(" more in result.json.\n");
    }
    out.append('\n');
  }

  private static void checks(StringBuilder out, List<RuleCheck> checks) {
    out.append("<details><summary>Every check (").append(checks.size()).append(")</summary>\n\n")
        .append("| rule | subject | result | detail |\n|---|---|---|---|\n");
    checks.forEach(c -> out.append("| ").append(c.rule()).append(" | ").append(md(c.subject().name())).append(" | ")
        .append(c.passed() ? "passed" : "**failed**").append(c.isUnderpowered() ? ", underpowered" : "").append(" | ")
        .append(md(c.message())).append(" |\n"));
    out.append("\n</details>\n\n");
  }

  private static void provenance(StringBuilder out, Provenance p) {
    out.append("<details><summary>Provenance</summary>\n\n")
        .append("- run: ").append(md(p.runId())).append(", harness ").append(md(p.harnessVersion()))
        .append(", seed ").append(p.seed()).append(", started ").append(p.startedAt()).append('\n')
        .append("- golden set sha256: `").append(p.goldenSet().sha256()).append("`\n")
        .append("- deployed ").append(md(p.deployed().name())).append(" sha256: `").append(p.deployed().sha256()).append("`\n")
        .append("- candidate ").append(md(p.candidate().name())).append(" sha256: `").append(p.candidate().sha256())
        .append("`\n\n</details>\n");
  }

  /** Escapes text from golden sets and models for Markdown tables and inline HTML. */
  static String md(String text) {
    var out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '|', '\\', '`', '*', '_', '[', ']', '#' -> out.append('\\').append(c);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
