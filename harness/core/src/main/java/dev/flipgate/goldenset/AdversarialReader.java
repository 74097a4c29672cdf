package dev.flipgate.goldenset;

import dev.flipgate.failure.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads adversarial examples: columns {@code id, source, perturbation, expectation} and the
 * input columns. The label is the source example's; the source must exist.
 */
final class AdversarialReader {
  private final InputColumns input;
  private final Map<String, Example> sources;
  private final Set<String> perturbations;

  AdversarialReader(InputColumns input, Map<String, Example> sources, Set<String> perturbations) {
    this.input = input;
    this.sources = sources;
    this.perturbations = perturbations;
  }

  List<AdversarialExample> read(Path file) {
    List<AdversarialExample> examples = new ArrayList<>();
    Map<String, Long> lineOfId = new HashMap<>();
    int[] at = new int[4];
    DataFileRows.forEach(file, header -> {
      at[0] = ExamplesReader.required(file, header, "id", "id");
      at[1] = ExamplesReader.required(file, header, "source", "source example id");
      at[2] = ExamplesReader.required(file, header, "perturbation", "perturbation");
      at[3] = ExamplesReader.required(file, header, "expectation", "expectation");
      input.bind(file, header);
    }, row -> {
      String id = row.get(at[0]);
      if (id.isEmpty() || sources.containsKey(id) || lineOfId.putIfAbsent(id, row.line()) != null) {
        throw row.problem().example(id).expected("an id unique among examples and adversarial examples")
            .found(id.isEmpty() ? "an empty id" : "an id used before")
            .whatToDo("give the adversarial example its own id").configurationError("invalid adversarial example id");
      }
      Example source = sources.get(row.get(at[1]));
      if (source == null) {
        throw row.problem().example(id).expected("a source id that is an example of this golden set")
            .found("'" + row.get(at[1]) + "'").whatToDo("fix the source id or remove the row")
            .configurationError("adversarial source does not exist");
      }
      String perturbation = row.get(at[2]);
      if (!perturbations.contains(perturbation)) {
        throw row.problem().example(id).expected("a perturbation declared in the manifest: " + perturbations)
            .found("'" + perturbation + "'").whatToDo("declare it under adversarial.perturbations")
            .configurationError("undeclared perturbation");
      }
      // A row cannot say which way a score must move: directional expectations are declared in the suite.
      Expectation expectation = Expectation.byId(row.get(at[3])).filter(e -> e != Expectation.DIRECTIONAL)
          .orElseThrow(() -> row.problem().example(id)
          .expected("one of " + List.of(Expectation.TRUE_LABEL.id(), Expectation.INVARIANT.id()))
          .found("'" + row.get(at[3]) + "'").whatToDo("fix the expectation").configurationError("unknown expectation"));
      examples.add(new AdversarialExample(
          id, source.id(), perturbation, expectation, source.label(), input.read(row, id), row.line()));
    });
    return examples;
  }
}
