package dev.flipgate.goldenset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loaded, validated golden set. Its identity is {@code sha256}, computed over the manifest
 * and every data file it names, so any change to the curated content changes the identity.
 */
public record GoldenSet(
    String name,
    String version,
    String description,
    Task task,
    String sha256,
    Path directory,
    List<String> classes,
    java.util.Optional<String> positiveClass,
    List<String> inputColumns,
    java.util.Optional<String> displayColumn,
    InputLayout inputLayout,
    List<Example> examples,
    List<SliceDefinition> slices,
    List<AdversarialExample> adversarialExamples,
    Map<String, String> perturbations,
    List<String> criticalIds,
    String criticalReason) {

  public GoldenSet {
    classes = List.copyOf(classes);
    inputColumns = List.copyOf(inputColumns);
    examples = List.copyOf(examples);
    slices = List.copyOf(slices);
    adversarialExamples = List.copyOf(adversarialExamples);
    perturbations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perturbations));
    criticalIds = List.copyOf(criticalIds);
  }

  public Map<String, Example> examplesById() {
    return examples.stream()
        .collect(Collectors.toMap(Example::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  public Optional<SliceDefinition> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Set<String> sliceNames() {
    return slices.stream().map(SliceDefinition::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
