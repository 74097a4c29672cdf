package dev.flipgate.run;

import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelInput;
import dev.flipgate.suite.Suite;
import java.util.ArrayList;
import java.util.List;

/** What a run asks its models: every example of the golden set, adversarial ones last, and the context the adapters check it against. */
record RunInputs(List<ModelInput> inputs, ModelContext context) {

  static RunInputs of(Suite suite, GoldenSet goldenSet) {
    List<ModelInput> inputs = new ArrayList<>();
    var examples = goldenSet.table();
    for (int row = 0; row < examples.size(); row++) {
      inputs.add(new ModelInput(examples.id(row), examples.input(row)));
    }
    goldenSet.adversarialExamples().forEach(e -> inputs.add(new ModelInput(e.id(), e.input())));
    // Without adversarial examples the run's ids are the golden set's, already numbered.
    ExampleIndex ids = goldenSet.adversarialExamples().isEmpty() ? examples.ids()
        : ExampleIndex.of(inputs.stream().map(ModelInput::exampleId).toList());
    var context = new ModelContext(suite.file(), goldenSet.task(), goldenSet.classes(), goldenSet.inputColumns(),
        goldenSet.inputLayout(), ids, goldenSet.sha256());
    return new RunInputs(java.util.Collections.unmodifiableList(inputs), context);
  }
}
