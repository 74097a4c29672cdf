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
    goldenSet.examples().forEach(e -> inputs.add(new ModelInput(e.id(), e.input())));
    goldenSet.adversarialExamples().forEach(e -> inputs.add(new ModelInput(e.id(), e.input())));
    var ids = new ArrayList<String>(inputs.size());
    inputs.forEach(input -> ids.add(input.exampleId()));
    var context = new ModelContext(suite.file(), goldenSet.task(), goldenSet.classes(), goldenSet.inputColumns(),
        goldenSet.inputLayout(), ExampleIndex.of(ids), goldenSet.sha256());
    return new RunInputs(List.copyOf(inputs), context);
  }
}
