package dev.flipgate.gate;

import dev.flipgate.comparison.Comparison;
import dev.flipgate.goldenset.GoldenSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that decide the verdict. A candidate is promoted only when every check passes; an
 * underpowered check is reported, and blocks too when the policy says {@code underpowered: block}.
 */
public record GatePolicy(List<GateRule> rules, Underpowered underpowered, List<Waiver> waivers) {

  /** What an underpowered check does to the verdict. */
  public enum Underpowered { REPORT, BLOCK }

  public GatePolicy {
    rules = List.copyOf(rules);
    waivers = List.copyOf(waivers);
  }

  public GatePolicy(List<GateRule> rules, Underpowered underpowered) {
    this(rules, underpowered, List.of());
  }

  public GatePolicy(List<GateRule> rules) {
    this(rules, Underpowered.REPORT);
  }

  /** The same policy, with the regressions these waivers accept. */
  public GatePolicy withWaivers(List<Waiver> accepted) {
    return new GatePolicy(rules, underpowered, accepted);
  }

  /** Checks every rule against the golden set, before any model runs. */
  public void validate(GoldenSet goldenSet, Path suiteFile) {
    if (rules.isEmpty()) {
      throw new RuleLocation(suiteFile, 0, "none").problem().expected("at least one rule under policy.rules")
          .found("none").whatToDo("declare the gate policy (see README.md)")
          .configurationError("a policy without rules would promote anything");
    }
    for (int i = 0; i < rules.size(); i++) {
      GateRule rule = rules.get(i);
      var location = new RuleLocation(suiteFile, i, rule.id());
      rule.validate(goldenSet, location);
      if (rule.subjects(goldenSet).isEmpty()) {
        // A rule that judges nothing always passes: a PROMOTE it "allowed" would be a silent lie.
        throw location.problem().expected("something for the rule to judge on golden set '" + goldenSet.name() + "'")
            .found("nothing: " + nothingToJudge(rule))
            .whatToDo("remove the rule, or add to the golden set what it is meant to judge")
            .configurationError("rule would judge nothing");
      }
    }
    waivers.forEach(waiver -> validate(waiver, goldenSet));
  }

  /** A waiver must name a rule of this policy and something that rule judges, or examples of this golden set. */
  private void validate(Waiver waiver, GoldenSet goldenSet) {
    var problem = dev.flipgate.failure.Problem.at(waiver.file()).line(waiver.line());
    if (waiver.rule().isPresent() && rules.stream().noneMatch(r -> r.id().equals(waiver.rule().get()))) {
      throw problem.expected("rule: one of the suite's rules " + rules.stream().map(GateRule::id).distinct().toList())
          .found("'" + waiver.rule().get() + "'").whatToDo("fix the rule's name, or remove the waiver")
          .configurationError("the waiver names an unknown rule");
    }
    if (waiver.subject().isPresent()) {
      var subject = waiver.subject().get();
      List<String> judged = rules.stream().filter(r -> r.id().equals(waiver.rule().get()))
          .flatMap(r -> r.subjects(goldenSet).stream()).filter(s -> s.kind() == subject.kind())
          .map(RuleCheck.Subject::name).distinct().toList();
      if (!judged.contains(subject.name())) {
        String kind = subject.kind().name().toLowerCase(java.util.Locale.ROOT);
        throw problem.expected("a " + kind + " that " + waiver.rule().get() + " judges: " + abbreviated(judged))
            .found("'" + subject.name() + "'").whatToDo("fix the " + kind + "'s name, or remove the waiver")
            .configurationError("the waiver names a " + kind + " the rule does not judge");
      }
    }
    var ids = goldenSet.table().ids();
    var adversarial = goldenSet.adversarialExamples().stream().map(dev.flipgate.goldenset.AdversarialExample::id)
        .collect(java.util.stream.Collectors.toSet());
    List<String> unknown = waiver.examples().stream().filter(id -> ids.rowOf(id) < 0 && !adversarial.contains(id))
        .sorted().toList();
    if (!unknown.isEmpty()) {
      throw problem.expected("example ids of golden set '" + goldenSet.name() + "'").found(abbreviated(unknown))
          .whatToDo("fix the ids, or remove them from the waiver").configurationError("the waiver names unknown examples");
    }
  }

  private static String abbreviated(List<String> names) {
    return names.size() <= 12 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
  }

  /** Rules refuse unknown names in their own validation; what is left is a golden set without the kind of subject. */
  private static String nothingToJudge(GateRule rule) {
    return rule.concern() == Concern.ADVERSARIAL ? "the golden set has no adversarial examples"
        : "the golden set has nothing of the kind it judges";
  }

  /** Decides with the policy's waivers, judging their expiry on {@code today} (UTC). */
  public GateDecision decide(Comparison comparison, java.time.LocalDate today) {
    List<RuleCheck> checks = new ArrayList<>();
    rules.forEach(rule -> checks.addAll(rule.check(comparison)));
    return GateDecision.of(checks, underpowered, waivers, today);
  }
}
