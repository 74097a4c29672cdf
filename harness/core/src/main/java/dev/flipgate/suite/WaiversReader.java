package dev.flipgate.suite;

import dev.flipgate.declaration.YamlDeclarationReader;
import dev.flipgate.failure.Problem;
import dev.flipgate.gate.RuleCheck;
import dev.flipgate.gate.Waiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code waivers.yaml} beside a suite, if there is one. Checks each waiver on its own here
 * (the keys it needs, its date); whether its rule, slice and examples exist is checked with the
 * golden set ({@link dev.flipgate.gate.GatePolicy#validate}).
 */
public final class WaiversReader {
  public static final String FILE_NAME = "waivers.yaml";

  private WaiversReader() {}

  public static List<Waiver> besideSuite(Path suiteFile) {
    Path file = suiteFile.toAbsolutePath().normalize().resolveSibling(FILE_NAME);
    return Files.exists(file) ? read(file) : List.of();
  }

  public static List<Waiver> read(Path file) {
    WaiversFile declared = YamlDeclarationReader.read(file, WaiversFile.class, "waivers file", dev.flipgate.declaration.DeclarationSchema.WAIVERS);
    if (declared.waivers() == null) {
      throw Problem.at(file).expected("a 'waivers' list").found("none").whatToDo("list the waivers, or delete the file")
          .configurationError("the waivers file has no waivers");
    }
    List<Integer> lines = dev.flipgate.declaration.KeyLines.itemLines(file, "waivers");
    List<Waiver> waivers = new ArrayList<>();
    for (int i = 0; i < declared.waivers().size(); i++) {
      int line = i < lines.size() ? lines.get(i) : 0;
      waivers.add(waiver(file, line, i, declared.waivers().get(i)));
    }
    return List.copyOf(waivers);
  }

  private static Waiver waiver(Path file, int line, int index, WaiversFile.Declaration d) {
    var where = Problem.at(file).line(line).part("waivers[" + index + "]");
    if (d == null) {
      throw where.expected("a waiver").found("an empty item").whatToDo("write the waiver or remove the item")
          .configurationError("empty waiver");
    }
    require(file, line, index, d.owner(), "owner", "who accepted the regression");
    require(file, line, index, d.reason(), "reason", "why it is accepted");
    require(file, line, index, d.ticket(), "ticket", "where it is tracked (a link)");
    require(file, line, index, d.expires(), "expires", "the last day it holds, e.g. 2026-12-31");
    List<String> examples = d.examples() == null ? List.of() : d.examples();
    int scopes = (d.slice() == null ? 0 : 1) + (d.perturbation() == null ? 0 : 1) + (examples.isEmpty() ? 0 : 1);
    if (scopes != 1) {
      throw where.expected("exactly one of: rule + slice, rule + perturbation, or examples (a list of ids)")
          .found(scopes == 0 ? "none" : "more than one").whatToDo("say what the waiver accepts, once")
          .configurationError("a waiver must accept one thing");
    }
    if (examples.isEmpty() && (d.rule() == null || d.rule().isBlank())) {
      throw where.expected("rule: the rule whose reason on that " + (d.slice() != null ? "slice" : "perturbation")
          + " is accepted").found("no rule").whatToDo("add the rule").configurationError("the waiver names no rule");
    }
    if (examples.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw where.expected("example ids").found("an empty id").whatToDo("remove it").configurationError("empty example id");
    }
    Optional<RuleCheck.Subject> subject = d.slice() != null ? Optional.of(RuleCheck.Subject.slice(d.slice()))
        : d.perturbation() != null ? Optional.of(RuleCheck.Subject.perturbation(d.perturbation())) : Optional.empty();
    return new Waiver(file, line, Optional.ofNullable(d.rule()), subject, new java.util.LinkedHashSet<>(examples),
        d.owner(), d.reason(), d.ticket(), date(where, d.expires()));
  }

  private static LocalDate date(Problem.Builder where, String expires) {
    try {
      return LocalDate.parse(expires.trim());
    } catch (DateTimeParseException e) {
      throw where.expected("expires: a date written year-month-day, e.g. 2026-12-31").found("'" + expires + "'")
          .whatToDo("fix the date").configurationError("the waiver's expiry is not a date");
    }
  }

  private static void require(Path file, int line, int index, String value, String key, String meaning) {
    if (value == null || value.isBlank()) {
      throw Problem.at(file).line(line).part("waivers[" + index + "]").expected(key + ": " + meaning).found("nothing")
          .whatToDo("add " + key + ": a waiver is accountable").configurationError("the waiver lacks '" + key + "'");
    }
  }
}
