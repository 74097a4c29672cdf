package dev.flipgate.report.result;

import java.util.List;
import java.util.Optional;

/** Where a run's trend comes from (the ledger of promotions), given the run's own document and flips. */
@FunctionalInterface
public interface TrendSource {
  /** No history: reports without a trend section. */
  TrendSource NONE = (document, flips) -> Optional.empty();

  Optional<ResultDocument.Trend> trendOf(ResultDocument document, List<ResultDocument.Outcome> flips);
}
