package dev.flipgate.report.html;

import dev.flipgate.report.ReportNumbers;
import dev.flipgate.report.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reviewer sees before scrolling: the headline numbers beside the verdict, and under each
 * reason the examples it names as thumbnails (the gallery's cards, linked), ids kept collapsed.
 */
final class FirstScreen {
  /** Thumbnails shown under one reason; the rest are in its id list and the gallery. */
  static final int THUMBS_PER_REASON = 12;

  private FirstScreen() {}

  /** The whole golden set's headline metric for both models and its change, the flips, and the reasons. */
  static List<ReportPage.Headline> headlines(ResultDocument result, String headline) {
    ResultDocument.Slice all = result.slices().get(0);
    Double delta = all.deltas().containsKey(headline) ? all.deltas().get(headline).value() : null;
    boolean regression = result.task().equals("regression");
    boolean worse = delta != null && (regression ? delta > 0 : delta < 0);
    List<ReportPage.Headline> headlines = new ArrayList<>();
    headlines.add(new ReportPage.Headline("headline-metric", headline,
        ReportNumbers.value(headline, all.deployed().get(headline)) + " → "
            + ReportNumbers.value(headline, all.candidate().get(headline)),
        ReportNumbers.change(headline, delta) + " (deployed → candidate)", worse));
    headlines.add(new ReportPage.Headline("headline-negative", regression ? "regressions" : "negative flips",
        String.format(Locale.ROOT, "%,d", all.negativeFlips()),
        "NFR " + ReportNumbers.percent(all.nfr()) + " of " + String.format(Locale.ROOT, "%,d", all.n()),
        all.negativeFlips() > 0));
    headlines.add(new ReportPage.Headline("headline-positive", regression ? "improvements" : "positive flips",
        String.format(Locale.ROOT, "%,d", all.positiveFlips()), "PFR " + ReportNumbers.percent(all.pfr()), false));
    headlines.add(new ReportPage.Headline("headline-reasons", "reasons to block", String.valueOf(result.reasons().size()),
        result.waived().isEmpty() ? "of " + result.checks().size() + " checks" : "+" + result.waived().size() + " waived",
        !result.reasons().isEmpty()));
    return headlines;
  }

  /** The thumbnails of a reason's examples, from the gallery's cards (an example left out of the gallery has none). */
  static List<ReportPage.Thumb> thumbs(ResultDocument.Reason reason, Map<String, ReportPage.Card> cards) {
    return reason.examples().stream().map(cards::get).filter(card -> card != null).limit(THUMBS_PER_REASON)
        .map(card -> new ReportPage.Thumb(card.id(), card.anchor(), card.view(),
            card.deployed() + " → " + card.candidate(), "label " + card.label() + ", deployed " + card.deployed()
                + ", candidate " + card.candidate()))
        .toList();
  }

  /**
   * A reason's message without its trailing list of example ids ("…: negative flips t10k-00062,
   * …"), which the thumbnails and the collapsed id list show instead. A message that names an id
   * before any colon (a critical example's) is kept whole.
   */
  static String withoutIdList(String message, List<String> ids) {
    if (ids.isEmpty()) {
      return message;
    }
    int first = message.indexOf(ids.get(0));
    int cut = first < 0 ? -1 : message.lastIndexOf(": ", first);
    return cut < 0 ? message : message.substring(0, cut);
  }

  /** The gallery's cards by example id (the first card of an id). */
  static Map<String, ReportPage.Card> cardsById(List<ReportPage.Card> cards) {
    return cards.stream().collect(Collectors.toMap(ReportPage.Card::id, Function.identity(), (a, b) -> a));
  }
}
