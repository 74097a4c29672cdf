package dev.flipgate.gate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The verdict, every check made, the reasons to block, the checks too small to trust, and what
 * each waiver did. A failed check blocks unless a waiver in force accepts it; a waiver that has
 * expired accepts nothing, so its regression blocks again.
 */
public record GateDecision(
    Verdict verdict, List<RuleCheck> checks, GatePolicy.Underpowered underpoweredHandling, List<WaiverUse> waivers) {

  public GateDecision {
    checks = List.copyOf(checks);
    waivers = List.copyOf(waivers);
  }

  static GateDecision of(List<RuleCheck> checks, GatePolicy.Underpowered underpowered, List<Waiver> declared,
      LocalDate today) {
    List<RuleCheck> failures = failures(checks, underpowered);
    List<Waiver> inForce = declared.stream().filter(w -> w.inForceOn(today)).toList();
    Map<Waiver, List<RuleCheck>> applied = new LinkedHashMap<>();
    Map<Waiver, List<RuleCheck>> expired = new LinkedHashMap<>();
    boolean blocks = false;
    for (RuleCheck failure : failures) {
      List<Waiver> accepting = covering(failure, inForce);
      if (!accepting.isEmpty()) {
        accepting.forEach(w -> applied.computeIfAbsent(w, k -> new ArrayList<>()).add(failure));
        continue;
      }
      blocks = true;
      // Would an expired waiver have accepted it? Then say so: the reviewer sees since when it blocks again.
      covering(failure, declared).stream().filter(w -> !w.inForceOn(today))
          .forEach(w -> expired.computeIfAbsent(w, k -> new ArrayList<>()).add(failure));
    }
    List<WaiverUse> uses = new ArrayList<>();
    for (Waiver waiver : declared) {
      if (applied.containsKey(waiver)) {
        uses.add(new WaiverUse(waiver, WaiverUse.Status.APPLIED, applied.get(waiver), today));
      } else if (expired.containsKey(waiver)) {
        uses.add(new WaiverUse(waiver, WaiverUse.Status.EXPIRED, expired.get(waiver), today));
      } else {
        uses.add(new WaiverUse(waiver, WaiverUse.Status.STALE, List.of(), today));
      }
    }
    return new GateDecision(blocks ? Verdict.BLOCK : Verdict.PROMOTE, checks, underpowered, uses);
  }

  /**
   * The waivers among {@code waivers} that together accept a failed check: those naming its rule
   * and subject; else, when every example the check names is waived, the example waivers that
   * name any of them. A check that names no example is never accepted by example ids.
   */
  private static List<Waiver> covering(RuleCheck failure, List<Waiver> waivers) {
    List<Waiver> naming = waivers.stream().filter(w -> w.namesCheck(failure)).toList();
    if (!naming.isEmpty() || failure.exampleIds().isEmpty()) {
      return naming;
    }
    List<Waiver> byExample = waivers.stream().filter(w -> w.waivesExamplesOf(failure)).toList();
    var waived = new LinkedHashSet<String>();
    byExample.forEach(w -> waived.addAll(w.examples()));
    if (!waived.containsAll(failure.exampleIds())) {
      return List.of();
    }
    return byExample.stream().filter(w -> failure.exampleIds().stream().anyMatch(w.examples()::contains)).toList();
  }

  private static List<RuleCheck> failures(List<RuleCheck> checks, GatePolicy.Underpowered underpowered) {
    return checks.stream()
        .filter(c -> !c.passed() || (underpowered == GatePolicy.Underpowered.BLOCK && c.isUnderpowered())).toList();
  }

  /** Every failed check, waived or not (and underpowered ones when the policy blocks on them). */
  public List<RuleCheck> failures() {
    return failures(checks, underpoweredHandling);
  }

  /** The reasons to block: failed checks no waiver in force accepts. */
  public List<RuleCheck> reasons() {
    return failures().stream().filter(c -> !isWaived(c)).toList();
  }

  /** Failed checks a waiver in force accepts: listed in every output, never blocking. */
  public List<RuleCheck> waived() {
    return failures().stream().filter(this::isWaived).toList();
  }

  public boolean isWaived(RuleCheck check) {
    return waivers.stream().anyMatch(u -> u.status() == WaiverUse.Status.APPLIED && u.matched().contains(check));
  }

  /** What the waivers did to this check: the ones that accepted it, or expired ones that would have. */
  public List<WaiverUse> waiversOf(RuleCheck check) {
    return waivers.stream().filter(u -> u.matched().contains(check)).toList();
  }

  /** Waivers that matched no failed check: to be removed. */
  public List<WaiverUse> staleWaivers() {
    return waivers.stream().filter(u -> u.status() == WaiverUse.Status.STALE).toList();
  }

  /** Checks whose subject is too small to reveal the rule's threshold, passed or not. */
  public List<RuleCheck> underpowered() {
    return checks.stream().filter(RuleCheck::isUnderpowered).toList();
  }
}
