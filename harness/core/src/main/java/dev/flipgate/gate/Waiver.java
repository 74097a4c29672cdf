package dev.flipgate.gate;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An accepted regression, as {@code waivers.yaml} declares it: a rule on one slice or
 * perturbation, or a set of example ids (optionally for one rule only), accepted by
 * {@code owner} for {@code reason}, tracked in {@code ticket}, until the end of {@code expires}
 * (UTC). {@code file} and {@code line} locate it in every output, so a reviewer can find it.
 */
public record Waiver(
    java.nio.file.Path file, int line, Optional<String> rule, Optional<RuleCheck.Subject> subject, Set<String> examples,
    String owner, String reason, String ticket, LocalDate expires) {

  public Waiver {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(expires, "expires");
    examples = Set.copyOf(examples);
    if (subject.isPresent() == !examples.isEmpty()) {
      throw new IllegalArgumentException("a waiver names a subject or examples, not both and not neither");
    }
  }

  /** Still in force on {@code today}: the expiry day itself is the last day it holds. */
  public boolean inForceOn(LocalDate today) {
    return !today.isAfter(expires);
  }

  /** Waives a check by its rule and subject (a rule + slice or perturbation waiver). */
  boolean namesCheck(RuleCheck check) {
    return subject.isPresent() && rule.orElseThrow().equals(check.rule()) && subject.get().equals(check.subject());
  }

  /** Waives these examples for a check of this rule (an example-id waiver). */
  boolean waivesExamplesOf(RuleCheck check) {
    return !examples.isEmpty() && rule.map(check.rule()::equals).orElse(true);
  }

  /** Where it is declared and by whom, as outputs cite it: {@code waivers.yaml:12 (ana, PROJ-7)}. */
  public String citation() {
    return file.getFileName() + ":" + line + " (" + owner + ", " + ticket + ")";
  }

  /** What it waives, in words: {@code max-metric-drop on slice 'digit-6'} or {@code 3 examples}. */
  public String scope() {
    if (subject.isPresent()) {
      return rule.orElseThrow() + " on " + subject.get().kind().name().toLowerCase(java.util.Locale.ROOT) + " '"
          + subject.get().name() + "'";
    }
    return examples.size() + (examples.size() == 1 ? " example" : " examples") + rule.map(r -> " for " + r).orElse("");
  }
}
