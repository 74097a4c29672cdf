package dev.flipgate.report.html;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.io.Sha256;
import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * report.html: one self-contained page to judge a promotion from. Built from the same
 * {@link ResultDocument} as result.json and summary.md, plus the golden set to show the examples
 * themselves. Rendered by Thymeleaf, which escapes every value for its context; all CSS, script
 * and images are inline, and a Content-Security-Policy allows no origin at all (scripts and
 * styles only by their hashes, images only as data URIs).
 */
public final class HtmlReport {
  static final int CI_BAR_WIDTH = 140;
  static final int MAX_CARDS_PER_KIND = 1000;
  private static final String RESOURCES = "dev/flipgate/report/html/";
  private static final TemplateEngine ENGINE = engine();

  private HtmlReport() {}

  public static String render(ResultDocument result, Optional<GoldenSet> goldenSet) {
    var context = new Context(Locale.ROOT);
    context.setVariable("page", page(result, goldenSet));
    return ENGINE.process("report", context);
  }

  private static TemplateEngine engine() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(RESOURCES);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    var engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  private static ReportPage page(ResultDocument result, Optional<GoldenSet> goldenSet) {
    var p = result.provenance();
    String headline = result.task().equals("regression") ? "meanAbsoluteError" : "accuracy";
    List<ReportPage.SliceRow> slices = SliceRows.of(result, headline);
    List<ReportPage.PerturbationRow> perturbations = new ArrayList<>();
    for (int i = 0; i < result.adversarial().size(); i++) {
      var a = result.adversarial().get(i);
      perturbations.add(new ReportPage.PerturbationRow("perturbation-" + i, a.perturbation(), a.n(),
          ReportNumbers.percent(a.deployed().robustness()), ReportNumbers.percent(a.candidate().robustness()),
          ReportNumbers.change("robustness", a.robustnessDrop() == null ? null : -a.robustnessDrop()),
          a.candidateOnlyFailures().size(), ReportNumbers.count(a.deployed().failures()),
          ReportNumbers.count(a.candidate().failures())));
    }
    Cards cards = Cards.of(result, goldenSet);
    String style = resource("report.css");
    String script = resource("report.js");
    String csp = "default-src 'none'; img-src data:; style-src '" + hash(style) + "'; script-src '" + hash(script)
        + "'; base-uri 'none'; form-action 'none'";
    Charts charts = Charts.of(result, headline);
    return new ReportPage(result.verdict(),
        p.models().candidate().name(), p.models().candidate().sha256(), p.models().candidate().sizeBytes(),
        p.models().deployed().name(), p.models().deployed().sha256(), p.models().deployed().sizeBytes(),
        p.goldenSet().name(), p.goldenSet().version(), p.goldenSet().sha256(), p.goldenSet().examples(),
        p.goldenSet().adversarialExamples(), p.runId(), p.startedAt(), p.harnessVersion(), p.seed(), headline,
        FirstScreen.headlines(result, headline),
        dev.flipgate.report.ReportNumbers.intervalNote(result),
        SliceRows.secondaryMetric(result),
        reasons(result.reasons(), slices, perturbations, cards.list()),
        reasons(result.waived(), slices, perturbations, cards.list()),
        result.waivers().stream().filter(w -> w.status().equals("stale")).map(ResultDocument.WaiverEntry::note).toList(),
        slices, result.slices().stream().anyMatch(s -> s.human() != null), perturbations,
        latencyRows(result.latency()), latencyNote(result.latency()), cards.list(),
        result.slices().stream().map(ResultDocument.Slice::name).toList(), cards.leftOut(),
        charts.bars(), charts.barChartHeight(), charts.cells(), charts.matrixLabels(), charts.matrixWidth(),
        charts.matrixHeight(), charts.matrixLeft(), charts.matrixTop(),
        result.underpowered().stream().map(c -> c.rule() + " on " + c.subject() + ": " + c.underpowered()).toList(),
        TrendView.of(result, goldenSet).orElse(null),
        AttackViews.of(result, goldenSet),
        style, script, csp);
  }

  private static List<ReportPage.LatencyRow> latencyRows(ResultDocument.Latency latency) {
    if (latency == null || !latency.measured()) {
      return List.of();
    }
    return List.of(latencyRow("deployed", latency.deployed()), latencyRow("candidate", latency.candidate()));
  }

  private static ReportPage.LatencyRow latencyRow(String role, ResultDocument.ModelLatency model) {
    java.util.function.DoubleFunction<String> ms = v -> String.format(java.util.Locale.ROOT, "%.3f ms", v);
    return new ReportPage.LatencyRow(role, ms.apply(model.p50Ms()), ms.apply(model.p95Ms()), ms.apply(model.p99Ms()),
        ms.apply(model.maxMs()), ms.apply(model.meanMs()), model.throughputPerSecond() == null ? "not timed (cached)"
            : String.format(java.util.Locale.ROOT, "%,.0f examples/s", model.throughputPerSecond()));
  }

  private static String latencyNote(ResultDocument.Latency latency) {
    if (latency == null) {
      return "Not in this result.";
    }
    return latency.measured()
        ? "Single-example calls on the same " + latency.samples() + " examples after " + latency.warmup()
            + " warm-up calls, the two models interleaved; measured in this run. Throughput is the batched pass."
        : "Not measured: " + latency.reason() + ".";
  }

  private static List<ReportPage.Reason> reasons(List<ResultDocument.Reason> reasons, List<ReportPage.SliceRow> slices,
      List<ReportPage.PerturbationRow> perturbations, List<ReportPage.Card> cards) {
    Map<String, String> sliceAnchor = slices.stream()
        .collect(Collectors.toMap(ReportPage.SliceRow::name, ReportPage.SliceRow::anchor, (a, b) -> a));
    Map<String, String> perturbationAnchor = perturbations.stream()
        .collect(Collectors.toMap(ReportPage.PerturbationRow::name, ReportPage.PerturbationRow::anchor, (a, b) -> a));
    Map<String, ReportPage.Card> cardsById = FirstScreen.cardsById(cards);
    Map<String, String> cardAnchor = cards.stream().filter(c -> c.kind().equals("critical"))
        .collect(Collectors.toMap(ReportPage.Card::id, ReportPage.Card::anchor, (a, b) -> a));
    return reasons.stream().map(r -> new ReportPage.Reason(r.rule(), FirstScreen.withoutIdList(r.message(), r.examples()),
        r.slice() != null ? sliceAnchor.getOrDefault(r.slice(), "slices")
            : r.perturbation() != null ? perturbationAnchor.getOrDefault(r.perturbation(), "adversarial")
            : r.example() != null ? cardAnchor.getOrDefault(r.example(), "gallery")
            : r.latency() != null ? "latency" : "checks",
        r.waivers().stream().map(ResultDocument.WaiverNote::note).toList(), FirstScreen.thumbs(r, cardsById),
        r.examples())).toList();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing report resource " + name + "; the harness jar is incomplete");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSP source expression for an inline element's exact text. */
  static String hash(String text) {
    byte[] digest = HexFormat.of().parseHex(Sha256.ofBytes(text.getBytes(StandardCharsets.UTF_8)));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
