package dev.flipgate.gate;

import dev.flipgate.failure.Problem;
import java.nio.file.Path;

/** Where a rule is declared (suite file and position in the list), for error messages. */
public record RuleLocation(Path suiteFile, int index, String ruleId) {

  public Problem.Builder problem() {
    return Problem.at(suiteFile).part("policy.rules[" + index + "] (" + ruleId + ")");
  }
}
