package dev.flipgate.attack;

import dev.flipgate.comparison.AttackComparison;
import dev.flipgate.comparison.ExampleOutcome;
import dev.flipgate.comparison.FlipKind;
import dev.flipgate.declaration.KeyLines;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.SlicePattern;
import dev.flipgate.perturbation.Inputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The attacks a suite runs: checked against the golden set before any model runs; run after both
 * models have answered every example, against each model separately, on examples both answer
 * correctly (drawn by the suite's seed). Each example's search starts from the same random stream
 * for both models, so what differs is how each model answers.
 */
public record SuiteAttacks(Path suiteFile, List<AttackDeclaration> declared, Optional<double[]> range) {

  public SuiteAttacks {
    declared = declared == null ? List.of() : List.copyOf(declared);
  }

  public boolean isEmpty() {
    return declared.isEmpty();
  }

  /** Each declared attack's name and description, in order. */
  public java.util.Map<String, String> descriptions() {
    var descriptions = new java.util.LinkedHashMap<String, String>();
    declared.forEach(d -> descriptions.put(d.name(), d.description() != null ? d.description() : d.method().describe()));
    return descriptions;
  }

  /** Checks every attack against the golden set; a located configuration error otherwise. */
  public void validate(GoldenSet goldenSet) {
    var inputs = new Inputs(goldenSet.inputLayout(), goldenSet.inputColumns());
    List<Integer> lines = KeyLines.itemLines(suiteFile, "attacks");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      var d = declared.get(i);
      var at = Problem.at(suiteFile).line(i < lines.size() ? lines.get(i) : 0)
          .part("attacks[" + i + "]" + (d.name() == null ? "" : " (" + d.name() + ")"));
      if (d.name() == null || !d.name().matches("[A-Za-z0-9._-]+") || !names.add(d.name())) {
        throw at.expected("name: a unique attack name of letters, digits, '.', '_' or '-'").found(String.valueOf(d.name()))
            .whatToDo("name the attack").configurationError("invalid attack name");
      }
      if (d.method() == null) {
        throw at.expected("method: { kind: pixels | linf-random, … }").found("none").whatToDo("declare the method")
            .configurationError("attack without a method");
      }
      if (range.isEmpty()) {
        throw at.expected("perturbations.range: the inputs' valid range, e.g. [0, 255]").found("no range")
            .whatToDo("declare it: every value an attack tries is clipped into it").configurationError("attack without a range");
      }
      if (d.examples() == null || d.examples() < 1) {
        throw at.expected("examples: how many examples to attack, at least 1").found(String.valueOf(d.examples()))
            .whatToDo("set it").configurationError("attack parameter out of range");
      }
      for (String pattern : slices(d)) {
        if (goldenSet.sliceNames().stream().noneMatch(name -> SlicePattern.matches(pattern, name))) {
          throw at.expected("slices of golden set '" + goldenSet.name() + "': " + goldenSet.sliceNames())
              .found("'" + pattern + "', which matches none").whatToDo("fix the slice name")
              .configurationError("attack names an unknown slice");
        }
      }
      d.method().validate(inputs, at);
    }
  }

  /** Runs every attack against both models; {@code progress} hears of each example attacked. */
  public List<AttackComparison> run(GoldenSet goldenSet, List<ExampleOutcome> outcomes, Oracle deployed, Oracle candidate,
      long seed, Progress progress) {
    var inputs = new Inputs(goldenSet.inputLayout(), goldenSet.inputColumns());
    List<BitSet> members = goldenSet.slices().stream().map(s -> goldenSet.table().members(s.predicate())).toList();
    List<AttackComparison> results = new ArrayList<>();
    for (AttackDeclaration d : declared) {
      int[] rows = chosen(d, goldenSet, outcomes, seed);
      List<AttackComparison.Attacked> attacked = new ArrayList<>(rows.length);
      ExampleTable table = goldenSet.table();
      for (int i = 0; i < rows.length; i++) {
        int row = rows[i];
        float[] source = table.input(row).toArray();
        String label = table.labels().value(row);
        long exampleSeed = streamSeed(seed, d.name(), row);
        var onDeployed = d.method().attack(source, label, deployed, inputs, range.get(), new SplittableRandom(exampleSeed));
        var onCandidate = d.method().attack(source, label, candidate, inputs, range.get(), new SplittableRandom(exampleSeed));
        List<String> slices = new ArrayList<>();
        for (int s = 0; s < members.size(); s++) {
          if (members.get(s).get(row)) {
            slices.add(goldenSet.slices().get(s).name());
          }
        }
        attacked.add(new AttackComparison.Attacked(row, table.id(row), label, slices, onDeployed, onCandidate));
        progress.attacked(d.name(), i + 1, rows.length);
      }
      results.add(new AttackComparison(d.name(), d.description() != null ? d.description() : d.method().describe(),
          d.method().queryBudget(), attacked));
    }
    return results;
  }

  /** Hears of each attacked example. */
  @FunctionalInterface
  public interface Progress {
    void attacked(String attack, int done, int total);
  }

  /** The example's own random stream: from the seed, the attack's name and the row, so a rerun searches alike. */
  static long streamSeed(long seed, String attack, int row) {
    return new SplittableRandom(seed ^ (attack.hashCode() * 0x9E3779B97F4A7C15L)).split().nextLong() ^ (row * 0xBF58476D1CE4E5B9L);
  }

  /** The examples to attack: of the declared slices, those both models answer correctly; a sample drawn by the seed. */
  private static int[] chosen(AttackDeclaration d, GoldenSet goldenSet, List<ExampleOutcome> outcomes, long seed) {
    int[] eligible = SlicePattern.members(goldenSet, slices(d)).stream()
        .filter(row -> outcomes.get(row).kind() == FlipKind.BOTH_RIGHT).toArray();
    return SlicePattern.sample(eligible, d.examples(), new SplittableRandom(seed ^ (d.name().hashCode() * 0xD1B54A32D192ED03L)));
  }

  private static List<String> slices(AttackDeclaration d) {
    return d.slices() == null || d.slices().isEmpty() ? List.of("all") : d.slices();
  }
}
