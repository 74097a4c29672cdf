package dev.flipgate.report;

import dev.flipgate.gate.WaiverUse;

import dev.flipgate.comparison.SliceComparison;
import dev.flipgate.comparison.SliceMetric;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.run.RunResult;
import java.nio.file.Path;
import java.util.List;

/** The few lines a CI log shows: verdict, headline numbers, reasons and where the reports are. */
public final class ConsoleSummary {
  private static final int REASONS_SHOWN = 20;
  private static final int MESSAGE_WIDTH = 300;

  private ConsoleSummary() {}

  public static String render(RunResult result, Path outputDirectory) {
    var out = new StringBuilder();
    var p = result.provenance();
    SliceComparison all = result.comparison().slices().get(0);
    out.append(result.decision().verdict()).append(": candidate ").append(p.candidate().name())
        .append(" vs deployed ").append(p.deployed().name()).append(" on ").append(p.goldenSet().name())
        .append(" (").append(all.n()).append(" examples)\n");
    String headline = (result.goldenSet().task().isRegression() ? SliceMetric.MEAN_ABSOLUTE_ERROR : SliceMetric.ACCURACY).id();
    SliceMetric metric = SliceMetric.byId(headline).orElseThrow();
    out.append("  ").append(headline).append(' ')
        .append(ReportNumbers.value(headline, boxed(metric.of(all.deployed())))).append(" → ")
        .append(ReportNumbers.value(headline, boxed(metric.of(all.candidate())))).append(" (")
        .append(ReportNumbers.change(headline, boxed(all.delta(metric)))).append("), ")
        .append(result.goldenSet().task().isRegression() ? "regressions " : "negative flips ")
        .append(all.counts().negativeFlips()).append(", positive flips ").append(all.counts().positiveFlips()).append('\n');
    List<RuleCheck> reasons = result.decision().reasons();
    var decision = result.decision();
    reasons.stream().limit(REASONS_SHOWN).forEach(r -> {
      out.append("  - ").append(r.rule()).append(": ").append(shorten(r.message())).append('\n');
      decision.waiversOf(r).forEach(u -> out.append("      ").append(u.describe()).append('\n'));
    });
    var waived = decision.waived();
    waived.stream().limit(REASONS_SHOWN).forEach(r -> out.append("  ~ waived ").append(r.rule()).append(": ")
        .append(shorten(r.message())).append("\n      ")
        .append(decision.waiversOf(r).stream().map(WaiverUse::describe).collect(java.util.stream.Collectors.joining("; ")))
        .append('\n'));
    if (waived.size() > REASONS_SHOWN) {
      out.append("  … and ").append(waived.size() - REASONS_SHOWN).append(" more waived reasons in summary.md\n");
    }
    decision.staleWaivers().forEach(u -> out.append("  ! ").append(u.describe()).append('\n'));
    int underpowered = result.decision().underpowered().size();
    if (underpowered > 0) {
      out.append("  ").append(underpowered).append(" check").append(underpowered == 1 ? " is" : "s are")
          .append(" underpowered (slice too small for the threshold): see summary.md\n");
    }
    if (reasons.size() > REASONS_SHOWN) {
      out.append("  … and ").append(reasons.size() - REASONS_SHOWN).append(" more reasons in summary.md\n");
    }
    out.append("  reports: ").append(outputDirectory.resolve("report.html")).append(", ")
        .append(outputDirectory.resolve("summary.md")).append(", ").append(outputDirectory.resolve("result.json")).append('\n');
    return out.toString();
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static String shorten(String message) {
    return message.length() <= MESSAGE_WIDTH ? message : message.substring(0, MESSAGE_WIDTH) + " …";
  }
}
