package dev.flipgate.gate;

import dev.flipgate.failure.Problem;
import java.nio.file.Path;

/** Where a rule is declared (suite file and position in the list), for error messages. */
public record RuleLocation(Path suiteFile, int index, String ruleId) {

  /** A problem at the rule: the suite, the line its {@code rule:} key is on, and its place in the list. */
  public Problem.Builder problem() {
    var problem = Problem.at(suiteFile);
    dev.flipgate.declaration.KeyLines.lineOfNth(suiteFile, "rule", index).ifPresent(problem::line);
    return problem.part("policy.rules[" + index + "] (" + ruleId + ")");
  }
}
