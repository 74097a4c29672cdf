package dev.flipgate.model;

import dev.flipgate.goldenset.InputTensor;
import java.util.Objects;

/** What a model is asked: the input of the example with this id. */
public record ModelInput(String exampleId, InputTensor tensor) {
  public ModelInput {
    Objects.requireNonNull(exampleId, "exampleId");
    Objects.requireNonNull(tensor, "tensor");
  }
}
