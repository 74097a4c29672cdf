package dev.flipgate.comparison;

import dev.flipgate.goldenset.DictionaryColumn;
import dev.flipgate.goldenset.ExampleTable;
import dev.flipgate.goldenset.GoldenSet;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** Counts each slice's human baseline from the golden set's human column and both models' answers. */
final class HumanBaseline {
  private HumanBaseline() {}

  /** One agreement per slice (in the slices' order), or empty when the golden set has no human answers. */
  static Optional<List<HumanAgreement>> of(GoldenSet goldenSet, List<BitSet> members, List<ExampleOutcome> outcomes) {
    if (goldenSet.humanColumn().isEmpty()) {
      return Optional.empty();
    }
    ExampleTable examples = goldenSet.table();
    DictionaryColumn human = examples.column(goldenSet.humanColumn().get()).orElseThrow();
    DictionaryColumn labels = examples.labels();
    BitSet annotated = new BitSet(examples.size());
    BitSet humanRight = new BitSet(examples.size());
    BitSet deployedRight = new BitSet(examples.size());
    BitSet candidateRight = new BitSet(examples.size());
    for (int row = 0; row < examples.size(); row++) {
      String answer = human.value(row);
      if (answer.isEmpty()) {
        continue;
      }
      annotated.set(row);
      String label = labels.value(row);
      humanRight.set(row, answer.equals(label));
      ExampleOutcome outcome = outcomes.get(row);
      deployedRight.set(row, outcome.deployed().label().equals(label));
      candidateRight.set(row, outcome.candidate().label().equals(label));
    }
    var slices = goldenSet.slices();
    return Optional.of(java.util.stream.IntStream.range(0, slices.size()).mapToObj(s -> {
      BitSet inSlice = (BitSet) members.get(s).clone();
      inSlice.and(annotated);
      return new HumanAgreement(slices.get(s).name(), inSlice.cardinality(), both(inSlice, humanRight),
          both(inSlice, deployedRight), both(inSlice, candidateRight));
    }).toList());
  }

  private static long both(BitSet a, BitSet b) {
    BitSet copy = (BitSet) a.clone();
    copy.and(b);
    return copy.cardinality();
  }
}
