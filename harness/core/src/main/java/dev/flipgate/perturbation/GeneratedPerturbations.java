package dev.flipgate.perturbation;

import dev.flipgate.declaration.KeyLines;
import dev.flipgate.failure.Problem;
import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.Direction;
import dev.flipgate.goldenset.Expectation;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.goldenset.InputTensor;
import dev.flipgate.goldenset.SlicePattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The perturbations a suite generates at run time: checked against the golden set before any
 * model runs, then applied to the declared slices' examples (a sample of them, drawn by the
 * suite's seed), each result clipped into the declared range and added to the golden set as
 * adversarial examples with their expectation. The same seed gives the same examples.
 */
public record GeneratedPerturbations(Path suiteFile, Optional<double[]> range, List<PerturbationsDeclaration.Generated> declared,
    List<PerturbationsDeclaration.Template> templates) {

  public static final GeneratedPerturbations NONE =
      new GeneratedPerturbations(Path.of("suite.yaml"), Optional.empty(), List.of(), List.of());

  public GeneratedPerturbations {
    declared = declared == null ? List.of() : List.copyOf(declared);
    templates = templates == null ? List.of() : List.copyOf(templates);
  }

  /** Reads the section as declared; what it names is checked against the golden set by {@link #addTo}. */
  public static GeneratedPerturbations of(Path suiteFile, PerturbationsDeclaration declaration) {
    if (declaration == null) {
      return new GeneratedPerturbations(suiteFile, Optional.empty(), List.of(), List.of());
    }
    Optional<double[]> range = Optional.empty();
    if (declaration.range() != null) {
      List<Double> r = declaration.range();
      if (r.size() != 2 || r.get(0) == null || r.get(1) == null || !(r.get(0) < r.get(1))) {
        throw where(suiteFile, "range", 0).expected("range: [min, max] with min < max, e.g. [0, 255]")
            .found(String.valueOf(r)).whatToDo("declare the inputs' valid range").configurationError("unusable range");
      }
      range = Optional.of(new double[] {r.get(0), r.get(1)});
    }
    return new GeneratedPerturbations(suiteFile, range, declaration.generate(), declaration.templates());
  }

  public boolean isEmpty() {
    return declared.isEmpty() && templates.isEmpty();
  }

  /** The golden set with every declared perturbation's examples added. */
  public GoldenSet addTo(GoldenSet goldenSet, long seed) {
    if (isEmpty()) {
      return goldenSet;
    }
    var inputs = new Inputs(goldenSet.inputLayout(), goldenSet.inputColumns());
    Set<String> names = new HashSet<>(goldenSet.perturbations().keySet());
    Set<String> ids = new HashSet<>(goldenSet.table().ids());
    goldenSet.adversarialExamples().forEach(a -> ids.add(a.id()));
    List<AdversarialExample> generated = new ArrayList<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    List<Integer> lines = KeyLines.itemLines(suiteFile, "perturbations", "generate");
    for (int i = 0; i < declared.size(); i++) {
      var d = declared.get(i);
      var at = Problem.at(suiteFile).line(i < lines.size() ? lines.get(i) : 0).part("perturbations.generate[" + i + "]" + (d.name() == null ? "" : " (" + d.name() + ")"));
      validate(d, goldenSet, inputs, at, names);
      Expectation expectation = expectation(d, at);
      Optional<Direction> direction = direction(d, goldenSet, at, expectation);
      for (AdversarialExample example : generate(d, goldenSet, inputs, seed, expectation, direction)) {
        if (!ids.add(example.id())) {
          throw at.expected("generated ids unique in the golden set").found("'" + example.id() + "' exists already")
              .whatToDo("rename the perturbation").configurationError("generated id clashes");
        }
        generated.add(example);
      }
      descriptions.put(d.name(), d.description() != null ? d.description()
          : d.change().describe() + " (" + expectation.id() + direction.map(x -> ": " + x.describe()).orElse("") + ")");
    }
    List<Integer> templateLines = KeyLines.itemLines(suiteFile, "perturbations", "templates");
    for (int i = 0; i < templates.size(); i++) {
      var t = templates.get(i);
      var at = Problem.at(suiteFile).line(i < templateLines.size() ? templateLines.get(i) : 0)
          .part("perturbations.templates[" + i + "]" + (t.name() == null ? "" : " (" + t.name() + ")"));
      for (AdversarialExample example : TemplateExamples.generate(t, goldenSet, inputs, seed, at, names)) {
        if (!ids.add(example.id())) {
          throw at.expected("generated ids unique in the golden set").found("'" + example.id() + "' exists already")
              .whatToDo("rename the template").configurationError("generated id clashes");
        }
        generated.add(example);
      }
      descriptions.put(t.name(), t.description() != null ? t.description()
          : "texts of the template \"" + t.text() + "\" must be read as " + t.label() + " (mft)");
    }
    return goldenSet.withAdversarial(generated, descriptions);
  }

  /** Refuses a name that is missing, not a plain word, or taken by another perturbation. */
  static void requireName(String name, Problem.Builder at, Set<String> names) {
    if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+") || !names.add(name)) {
      throw at.expected("name: a unique perturbation name of letters, digits, '.', '_' or '-'")
          .found(name == null ? "none" : "'" + name + "'" + (names.contains(name) ? ", used before" : ""))
          .whatToDo("name the perturbation").configurationError("invalid perturbation name");
    }
  }

  private void validate(PerturbationsDeclaration.Generated d, GoldenSet goldenSet, Inputs inputs, Problem.Builder at,
      Set<String> names) {
    requireName(d.name(), at, names);
    if (d.change() == null) {
      throw at.expected("change: { kind: …, … } (shift, rotation, gaussian-noise, brightness-contrast, occlusion, jitter,"
          + " feature-step, missing-value; for texts typo, contraction, punctuation, case, name-swap, append-clause,"
          + " negation)").found("none").whatToDo("declare the change").configurationError("no change");
    }
    if (inputs.layout().isEmpty()) {
      throw at.expected("a golden set with model inputs").found("golden set '" + goldenSet.name() + "' declares none")
          .whatToDo("perturb only golden sets with inputs").configurationError("nothing to perturb");
    }
    if (inputs.layout().isText() && d.change() instanceof NumericPerturbation) {
      throw at.expected("a text perturbation (typo, contraction, punctuation, case, name-swap, append-clause, negation)"
              + " for a text golden set").found("kind " + d.change().kind() + ", which changes numbers")
          .whatToDo("use a text perturbation").configurationError("perturbation does not suit the inputs");
    }
    d.change().validate(inputs, at);
    if (d.change() instanceof TextPerturbation text && text.reversesLabel()
        && (goldenSet.classes().size() != 2 || !"mft".equals(d.expect()))) {
      throw at.expected("expect: mft on a golden set of two classes: a " + d.change().kind()
              + " gives the text the other class as its true label")
          .found("expect " + d.expect() + " with classes " + goldenSet.classes()).whatToDo("expect mft, or use another kind")
          .configurationError("a reversing perturbation needs two classes and mft");
    }
    if (d.change() instanceof NumericPerturbation numeric && numeric.isImage() && range.isEmpty()) {
      throw at.expected("perturbations.range: the inputs' valid range, e.g. [0, 255], for an image change")
          .found("no range").whatToDo("declare it").configurationError("image change without a range");
    }
    if (d.sample() != null && d.sample() < 1) {
      throw at.expected("sample: at least 1 example").found(String.valueOf(d.sample()))
          .whatToDo("raise it, or remove it for every example").configurationError("perturbation parameter out of range");
    }
    for (String pattern : slices(d)) {
      if (goldenSet.sliceNames().stream().noneMatch(name -> SlicePattern.matches(pattern, name))) {
        throw at.expected("slices of golden set '" + goldenSet.name() + "': " + goldenSet.sliceNames())
            .found("'" + pattern + "', which matches none").whatToDo("fix the slice name")
            .configurationError("perturbation names an unknown slice");
      }
    }
  }

  private static Expectation expectation(PerturbationsDeclaration.Generated d, Problem.Builder at) {
    return switch (d.expect() == null ? "" : d.expect()) {
      case "inv" -> Expectation.INVARIANT;
      case "mft" -> Expectation.TRUE_LABEL;
      case "dir" -> Expectation.DIRECTIONAL;
      default -> throw at.expected("expect: inv (same answer as on the source), mft (the true label) or dir (a score's"
          + " direction)").found(d.expect() == null ? "none" : "'" + d.expect() + "'").whatToDo("fix expect")
          .configurationError("unknown expectation");
    };
  }

  private static Optional<Direction> direction(PerturbationsDeclaration.Generated d, GoldenSet goldenSet, Problem.Builder at,
      Expectation expectation) {
    var declared = d.direction();
    if (expectation != Expectation.DIRECTIONAL) {
      if (declared != null) {
        throw at.expected("direction only with expect: dir").found("a direction with expect: " + d.expect())
            .whatToDo("remove the direction, or expect dir").configurationError("direction without dir");
      }
      return Optional.empty();
    }
    if (declared == null || declared.className() == null || !goldenSet.classes().contains(declared.className())) {
      throw at.expected("direction: { class: one of " + goldenSet.classes() + ", must: not-decrease | not-increase }")
          .found(declared == null ? "no direction" : "class '" + declared.className() + "'")
          .whatToDo("say which class's score must not move which way").configurationError("unusable direction");
    }
    boolean mustNotIncrease = switch (declared.must() == null ? "" : declared.must()) {
      case "not-decrease" -> false;
      case "not-increase" -> true;
      default -> throw at.expected("direction.must: not-decrease or not-increase").found("'" + declared.must() + "'")
          .whatToDo("fix it").configurationError("unusable direction");
    };
    double tolerance = declared.tolerance() == null ? 0 : declared.tolerance();
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw at.expected("direction.tolerance: a score change from 0 to 1").found(String.valueOf(tolerance))
          .whatToDo("fix it").configurationError("perturbation parameter out of range");
    }
    return Optional.of(new Direction(declared.className(), mustNotIncrease, tolerance));
  }

  private List<AdversarialExample> generate(PerturbationsDeclaration.Generated d, GoldenSet goldenSet, Inputs inputs, long seed,
      Expectation expectation, Optional<Direction> direction) {
    ExampleTable table = goldenSet.table();
    int[] members = SlicePattern.members(goldenSet, slices(d)).stream().toArray();
    // One stream a perturbation, from the suite's seed and its name: adding a perturbation leaves the others' examples as they were.
    var random = new SplittableRandom(seed ^ (d.name().hashCode() * 0x9E3779B97F4A7C15L));
    int[] rows = d.sample() == null ? members : SlicePattern.sample(members, d.sample(), random);
    List<AdversarialExample> examples = new ArrayList<>(rows.length);
    for (int row : rows) {
      InputTensor source = table.input(row);
      String id = table.id(row) + "~" + d.name();
      String label = table.labels().value(row);
      if (d.change() instanceof TextPerturbation text) {
        // A source the kind does not apply to yields nothing: an unchanged copy would be a free pass.
        Optional<String> changed = text.apply(source.text(), random).filter(t -> !t.equals(source.text()) && !t.isBlank());
        if (changed.isPresent()) {
          String newLabel = text.reversesLabel() ? otherClass(goldenSet, label) : label;
          examples.add(new AdversarialExample(id, table.id(row), d.name(), expectation, newLabel,
              InputTensor.ofText(changed.get()), 0, direction));
        }
        continue;
      }
      float[] changed = ((NumericPerturbation) d.change()).apply(source.toArray(), inputs, random);
      range.ifPresent(r -> clip(changed, r));
      examples.add(new AdversarialExample(id, table.id(row), d.name(), expectation, label,
          new InputTensor(changed, source.shape()), 0, direction));
    }
    return examples;
  }

  private static String otherClass(GoldenSet goldenSet, String label) {
    return goldenSet.classes().get(1 - goldenSet.classes().indexOf(label));
  }

  static void clip(float[] values, double[] range) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.max(range[0], Math.min(range[1], values[i]));
    }
  }

  private static List<String> slices(PerturbationsDeclaration.Generated d) {
    return d.slices() == null || d.slices().isEmpty() ? List.of("all") : d.slices();
  }

  private static Problem.Builder where(Path suiteFile, String key, int index) {
    var problem = Problem.at(suiteFile);
    KeyLines.lineOfNth(suiteFile, key, index).ifPresent(problem::line);
    return problem;
  }
}
