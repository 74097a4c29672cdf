package dev.flipgate.gate;

import java.time.LocalDate;
import java.util.List;

/**
 * What one waiver did in a run: waived reasons to block, would have waived them but had expired
 * (they block again), or matched no reason at all (stale: the regression it accepted is gone, or
 * it names the wrong thing, and it should be removed).
 */
public record WaiverUse(Waiver waiver, Status status, List<RuleCheck> matched, LocalDate judgedOn) {

  public enum Status {
    APPLIED, EXPIRED, STALE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public WaiverUse {
    matched = List.copyOf(matched);
  }

  /** One line for a reviewer: what it waived or why it did not. */
  public String describe() {
    var w = waiver;
    return switch (status) {
      case APPLIED -> String.format("waived by %s until %s (%s): %s", w.owner(), w.expires(), w.ticket(), w.reason());
      case EXPIRED -> String.format("waiver by %s expired on %s, %d days ago (%s:%d, %s): it blocks again", w.owner(),
          w.expires(), java.time.temporal.ChronoUnit.DAYS.between(w.expires(), judgedOn), w.file().getFileName(), w.line(),
          w.ticket());
      case STALE -> String.format("stale waiver %s: %s matches no reason to block%s; remove it", w.citation(), w.scope(),
          w.inForceOn(judgedOn) ? "" : " (and it expired on " + w.expires() + ")");
    };
  }
}
