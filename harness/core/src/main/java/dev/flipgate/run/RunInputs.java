package dev.flipgate.run;

import dev.flipgate.goldenset.AdversarialExample;
import dev.flipgate.goldenset.ExampleIndex;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.ModelContext;
import dev.flipgate.model.ModelInput;
import dev.flipgate.suite.Suite;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** What a run asks its models: every example of the golden set, adversarial ones last, and the context the adapters check it against. */
record RunInputs(List<ModelInput> inputs, ModelContext context) {

  static RunInputs of(Suite suite, GoldenSet goldenSet) {
    var examples = goldenSet.table();
    var adversarial = goldenSet.adversarialExamples();
    // A view: a run over a predictions file never needs a million input objects at once.
    List<ModelInput> inputs = new InputRows(goldenSet);
    // Without adversarial examples the run's ids are the golden set's, already numbered.
    ExampleIndex ids = adversarial.isEmpty() ? examples.ids()
        : ExampleIndex.of(inputs.stream().map(ModelInput::exampleId).toList());
    var context = new ModelContext(suite.file(), goldenSet.task(), goldenSet.classes(), goldenSet.inputColumns(),
        goldenSet.inputLayout(), ids, goldenSet.sha256());
    return new RunInputs(inputs, context);
  }

  /** Every example, then every adversarial example, each input made when read. */
  private static final class InputRows extends AbstractList<ModelInput> implements RandomAccess {
    private final ExampleTable examples;
    private final List<AdversarialExample> adversarial;

    InputRows(GoldenSet goldenSet) {
      this.examples = goldenSet.table();
      this.adversarial = goldenSet.adversarialExamples();
    }

    @Override
    public ModelInput get(int row) {
      if (row < examples.size()) {
        return new ModelInput(examples.id(row), examples.input(row));
      }
      AdversarialExample example = adversarial.get(row - examples.size());
      return new ModelInput(example.id(), example.input());
    }

    @Override
    public int size() {
      return examples.size() + adversarial.size();
    }
  }
}
