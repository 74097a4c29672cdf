package dev.flipgate.report;

import dev.flipgate.report.result.ResultDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.md}: the verdict, reasons, slice table, robustness and the negative flips, short
 * enough to post as a pull-request comment. Rendered from the same {@link ResultDocument} as
 * result.json and report.html, so the three never disagree. Golden-set text is escaped so a
 * hostile id cannot inject Markdown or HTML into the comment.
 */
public final class SummaryMarkdown {
  private static final int FLIPS_SHOWN = 100;

  private SummaryMarkdown() {}

  public static String render(ResultDocument result) {
    var out = new StringBuilder();
    var provenance = result.provenance();
    boolean promote = result.verdict().equals("PROMOTE");
    out.append("# Flipgate: ").append(promote ? "✅ PROMOTE" : "⛔ BLOCK").append("\n\n");
    out.append("Candidate **").append(md(provenance.models().candidate().name())).append("** against deployed **")
        .append(md(provenance.models().deployed().name())).append("** on golden set **")
        .append(md(provenance.goldenSet().name())).append("** ").append(md(provenance.goldenSet().version())).append(" (")
        .append(provenance.goldenSet().examples()).append(" examples, ")
        .append(provenance.goldenSet().adversarialExamples()).append(" adversarial).\n\n");
    reasons(out, result.reasons());
    waivers(out, result);
    underpowered(out, result.underpowered());
    slices(out, result);
    perturbations(out, result.adversarial());
    adversarialFailures(out, result.adversarialFailures());
    attacks(out, result.attacks());
    latency(out, result.latency());
    negativeFlips(out, result);
    trend(out, result.trend());
    checks(out, result.checks());
    provenance(out, provenance);
    return out.toString();
  }

  private static void reasons(StringBuilder out, List<ResultDocument.Reason> reasons) {
    out.append("## Reasons\n\n");
    if (reasons.isEmpty()) {
      out.append("Every rule of the gate policy passed.\n\n");
      return;
    }
    reasons.forEach(r -> {
      out.append("- `").append(r.rule()).append("` ").append(md(r.message())).append('\n');
      r.waivers().forEach(w -> out.append("  - ⏰ ").append(md(w.note())).append('\n'));
    });
    out.append('\n');
  }

  /** The headline metric of 'all', and of each slice this candidate lowers, across the promoted versions. */
  private static void trend(StringBuilder out, ResultDocument.Trend trend) {
    if (trend == null) {
      return;
    }
    boolean lowerIsBetter = trend.metric().equals("meanAbsoluteError");
    out.append("## Trend across promotions\n\n").append(trend.metric()).append(" on golden set version ")
        .append(md(trend.goldenSetVersion())).append(", oldest first; slice `all` and every slice this candidate")
        .append(" does worse on than the last promoted version.\n\n| slice |");
    trend.versions().forEach(v -> out.append(' ').append(md(v.model())).append(v.role().equals("candidate") ? " (this)" : "")
        .append(" |"));
    out.append("\n|---|").append("---:|".repeat(trend.versions().size())).append('\n');
    for (int i = 0; i < trend.slices().size(); i++) {
      var slice = trend.slices().get(i);
      List<Double> values = slice.values();
      Double last = values.get(values.size() - 1);
      Double before = values.get(values.size() - 2);
      boolean worse = last != null && before != null && (lowerIsBetter ? last > before : last < before);
      if (i == 0 || worse) {
        out.append("| ").append(md(slice.slice())).append(" |");
        values.forEach(v -> out.append(' ').append(ReportNumbers.value(trend.metric(), v)).append(" |"));
        out.append('\n');
      }
    }
    out.append('\n').append(trend.churn().size() + trend.churnLeftOut())
        .append(" example(s) flipped in two or more of these versions (report.html shows them).\n\n");
  }

  /** Waived reasons (they did not block), and waivers that matched nothing. */
  private static void waivers(StringBuilder out, ResultDocument result) {
    if (!result.waived().isEmpty()) {
      out.append("## Waived (").append(result.waived().size()).append(")\n\n")
          .append("These checks failed, but a waiver in force accepts them: they do not block.\n\n");
      result.waived().forEach(r -> {
        out.append("- `").append(r.rule()).append("` ").append(md(r.message())).append('\n');
        r.waivers().forEach(w -> out.append("  - ").append(md(w.note())).append(" — ").append(md(w.file())).append(':')
            .append(w.line()).append('\n'));
      });
      out.append('\n');
    }
    var stale = result.waivers().stream().filter(w -> w.status().equals("stale")).toList();
    if (!stale.isEmpty()) {
      out.append("## Stale waivers (").append(stale.size()).append(")\n\n");
      stale.forEach(w -> out.append("- ").append(md(w.note())).append('\n'));
      out.append('\n');
    }
  }

  private static void underpowered(StringBuilder out, List<ResultDocument.Check> checks) {
    if (checks.isEmpty()) {
      return;
    }
    out.append("## Underpowered checks (").append(checks.size()).append(")\n\n")
        .append("These slices are too small to reveal the rule's threshold; their verdict rests on little evidence.\n\n");
    checks.forEach(c -> out.append("- `").append(c.rule()).append("` on ").append(md(c.subject())).append(": ")
        .append(md(c.underpowered())).append(c.passed() ? "" : " (failed)").append('\n'));
    out.append('\n');
  }

  private static void slices(StringBuilder out, ResultDocument result) {
    boolean regression = result.task().equals("regression");
    String metric = regression ? "meanAbsoluteError" : "accuracy";
    boolean human = result.slices().stream().anyMatch(s -> s.human() != null);
    out.append("## Slices\n\n").append(ReportNumbers.intervalNote(result))
        .append(regression ? "" : "; p is McNemar's exact one-sided test that the candidate is less accurate")
        .append(".\n\n| slice | n | deployed ").append(metric).append(" | candidate ").append(metric).append(" | Δ ")
        .append(metric).append(" [interval] | p | negative flips | positive flips | NFR [interval] |")
        .append(human ? " human accuracy [annotated] | candidate below human |" : "").append('\n')
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|").append(human ? "---:|---:|" : "").append('\n');
    for (ResultDocument.Slice s : result.slices()) {
      ResultDocument.Delta delta = s.deltas().get(metric);
      var nfr = s.negativeFlipRate();
      out.append("| ").append(md(s.name())).append(" | ").append(s.n())
          .append(" | ").append(ReportNumbers.value(metric, s.deployed().get(metric)))
          .append(" | ").append(ReportNumbers.value(metric, s.candidate().get(metric)))
          .append(" | ").append(delta == null ? "–" : ReportNumbers.change(metric, delta.value()))
          .append(delta == null || delta.ci() == null ? "" : ReportNumbers.changeInterval(metric, delta.ci()))
          .append(" | ").append(delta == null || delta.pValue() == null ? "–" : String.format(Locale.ROOT, "%.3g", delta.pValue()))
          .append(" | ").append(s.negativeFlips()).append(" | ").append(s.positiveFlips())
          .append(" | ").append(ReportNumbers.percent(nfr.value()))
          .append(nfr.ci() == null ? "" : String.format(Locale.ROOT, " [%.2f%%, %.2f%%]", nfr.ci().low() * 100, nfr.ci().high() * 100))
          .append(" |");
      if (human) {
        var h = s.human();
        out.append(' ').append(h == null ? "–" : ReportNumbers.percent(h.human()) + " [" + h.annotated() + "]").append(" | ")
            .append(h == null ? "–" : ReportNumbers.change("accuracy", h.candidateGap())).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private static void latency(StringBuilder out, ResultDocument.Latency latency) {
    out.append("## Latency\n\n");
    if (latency == null || !latency.measured()) {
      out.append("Not measured: ").append(latency == null ? "not in this result" : md(latency.reason())).append(".\n\n");
      return;
    }
    out.append("Single-example calls on the same ").append(latency.samples()).append(" examples after ")
        .append(latency.warmup()).append(" warm-up calls, the two models interleaved; measured in this run.\n\n")
        .append("| model | p50 | p95 | p99 | max | mean | batched throughput |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    latencyRow(out, "deployed", latency.deployed());
    latencyRow(out, "candidate", latency.candidate());
    out.append('\n');
  }

  private static void latencyRow(StringBuilder out, String role, ResultDocument.ModelLatency model) {
    out.append("| ").append(role).append(" | ").append(ms(model.p50Ms())).append(" | ").append(ms(model.p95Ms()))
        .append(" | ").append(ms(model.p99Ms())).append(" | ").append(ms(model.maxMs())).append(" | ")
        .append(ms(model.meanMs())).append(" | ")
        .append(model.throughputPerSecond() == null ? "not timed: every answer was cached"
            : String.format(java.util.Locale.ROOT, "%,.0f examples/s", model.throughputPerSecond())).append(" |\n");
  }

  private static String ms(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f ms", value);
  }

  private static void perturbations(StringBuilder out, List<ResultDocument.Perturbation> perturbations) {
    if (perturbations.isEmpty()) {
      return;
    }
    out.append("## Adversarial robustness\n\n")
        .append("| perturbation | n | deployed | candidate | Δ robustness | failed by the deployed | failed by the candidate"
            + " | failed only by the candidate |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ResultDocument.Perturbation p : perturbations) {
      out.append("| ").append(md(p.perturbation())).append(" | ").append(p.n())
          .append(" | ").append(ReportNumbers.percent(p.deployed().robustness()))
          .append(" | ").append(ReportNumbers.percent(p.candidate().robustness()))
          .append(" | ").append(ReportNumbers.change("robustness", p.robustnessDrop() == null ? null : -p.robustnessDrop()))
          .append(" | ").append(ReportNumbers.count(p.deployed().failures()))
          .append(" | ").append(ReportNumbers.count(p.candidate().failures()))
          .append(" | ").append(p.candidateOnlyFailures().size()).append(" |\n");
    }
    out.append('\n');
  }

  /** Each adversarial example only the candidate fails, with what was changed and, for a direction, the scores. */
  private static void adversarialFailures(StringBuilder out, List<ResultDocument.AdversarialFailure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    out.append("### Failed only by the candidate (").append(failures.size()).append(")\n\n")
        .append("| example | perturbation | expectation | deployed | candidate | changed |\n|---|---|---|---|---|---|\n");
    failures.stream().limit(FLIPS_SHOWN).forEach(f -> {
      String answers = f.direction() == null ? "" : String.format(Locale.ROOT, " (%s score %s → %s)",
          f.direction().className(), score(f.direction().candidate().get(0)), score(f.direction().candidate().get(1)));
      String deployed = f.direction() == null ? f.deployed() : String.format(Locale.ROOT, "%s (%s score %s → %s)",
          f.deployed(), f.direction().className(), score(f.direction().deployed().get(0)),
          score(f.direction().deployed().get(1)));
      out.append("| ").append(md(f.id())).append(" | ").append(md(f.perturbation())).append(" | ").append(f.expectation())
          .append(f.direction() == null ? "" : " (" + f.direction().must() + ")")
          .append(" | ").append(md(deployed)).append(" | ").append(md(f.candidate() + answers)).append(" | ")
          .append(f.text() != null ? md((f.sourceText() == null ? "" : "“" + f.sourceText() + "” → ") + "“" + f.text() + "”")
              : md(f.changes().stream().map(c -> String.format(Locale.ROOT, "%s %.6g → %.6g", c.feature(), c.from(), c.to()))
              .collect(java.util.stream.Collectors.joining(", ")))).append(" |\n");
    });
    if (failures.size() > FLIPS_SHOWN) {
      out.append("\n… and ").append(failures.size() - FLIPS_SHOWN).append(" more in result.json.\n");
    }
    out.append('\n');
  }

  /** Each attack's success on both models per slice, and the examples only the candidate was fooled on. */
  private static void attacks(StringBuilder out, List<ResultDocument.AttackResult> attacks) {
    if (attacks.isEmpty()) {
      return;
    }
    out.append("## Attacks\n\nRun against each model separately on examples both answer correctly; fooled = answered"
        + " wrongly within the query budget.\n\n| attack | slice | n | deployed fooled | candidate fooled | Δ success [interval] |"
        + " only the candidate fooled |\n|---|---|---:|---:|---:|---:|---|\n");
    for (ResultDocument.AttackResult attack : attacks) {
      for (ResultDocument.AttackSlice slice : attack.slices()) {
        out.append("| ").append(md(attack.name())).append(" | ").append(md(slice.slice())).append(" | ").append(slice.n())
            .append(" | ").append(slice.deployedFooled()).append(" | ").append(slice.candidateFooled()).append(" | ")
            .append(ReportNumbers.change("robustness", slice.successIncrease()))
            .append(slice.ci() == null ? "" : ReportNumbers.changeInterval("robustness", slice.ci())).append(" | ")
            .append(md(String.join(", ", slice.candidateOnly()))).append(" |\n");
      }
    }
    out.append('\n');
  }

  /** An answer with the model's confidence in it, when it gave scores: "positive (0.82)". */
  private static String answer(String label, Double confidence) {
    return md(label) + (confidence == null ? "" : String.format(Locale.ROOT, " (%.2f)", confidence));
  }

  private static String score(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static void negativeFlips(StringBuilder out, ResultDocument result) {
    List<ResultDocument.Outcome> negative = result.flips().stream().filter(f -> f.kind().equals("negative")).toList();
    long total = result.flipCounts().negative();
    out.append("## Negative flips (").append(total).append(")\n\n");
    if (negative.isEmpty()) {
      out.append("None: every example the deployed model got right, the candidate gets right too.\n\n");
      return;
    }
    boolean texts = negative.stream().anyMatch(f -> f.text() != null);
    out.append(texts ? "| example | text | label | deployed | candidate |\n|---|---|---|---|---|\n"
        : "| example | label | deployed | candidate |\n|---|---|---|---|\n");
    negative.stream().limit(FLIPS_SHOWN).forEach(f -> out.append("| ").append(md(f.id())).append(" | ")
        .append(texts ? md(f.text()) + " | " : "")
        .append(md(f.label())).append(" | ").append(answer(f.deployed(), f.deployedConfidence())).append(" | ")
        .append(answer(f.candidate(), f.candidateConfidence())).append(" |\n"));
    if (total > FLIPS_SHOWN) {
      out.append("\n… and ").append(total - FLIPS_SHOWN).append(" more in ").append(md(result.flipsFile())).append(".\n");
    }
    out.append('\n');
  }

  private static void checks(StringBuilder out, List<ResultDocument.Check> checks) {
    out.append("<details><summary>Every check (").append(checks.size()).append(")</summary>\n\n")
        .append("| rule | subject | result | detail |\n|---|---|---|---|\n");
    checks.forEach(c -> out.append("| ").append(c.rule()).append(" | ").append(md(c.subject())).append(" | ")
        .append(c.passed() ? "passed" : "**failed**").append(c.underpowered() != null ? ", underpowered" : "").append(" | ")
        .append(md(c.message())).append(" |\n"));
    out.append("\n</details>\n\n");
  }

  private static void provenance(StringBuilder out, ResultDocument.Provenance p) {
    Map<String, ResultDocument.Model> models = Map.of("deployed", p.models().deployed(), "candidate", p.models().candidate());
    out.append("<details><summary>Provenance</summary>\n\n")
        .append("- run: ").append(md(p.runId())).append(", harness ").append(md(p.harnessVersion()))
        .append(", seed ").append(p.seed()).append(", started ").append(p.startedAt()).append('\n')
        .append("- golden set sha256: `").append(p.goldenSet().sha256()).append("`\n");
    for (String role : List.of("deployed", "candidate")) {
      out.append("- ").append(role).append(' ').append(md(models.get(role).name())).append(" sha256: `")
          .append(models.get(role).sha256()).append("`\n");
    }
    out.append("\n</details>\n");
  }

  /** Escapes text from golden sets and models for Markdown tables and inline HTML. */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '|', '\\', '`', '*', '_', '[', ']', '#' -> out.append('\\').append(c);
        // Every line break a text may hold, Unicode's too: a table row is one line.
        case '\n', '\r', '\u0085', '\u2028', '\u2029' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
