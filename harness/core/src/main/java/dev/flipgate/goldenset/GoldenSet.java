package dev.flipgate.goldenset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A loaded, validated golden set. Its identity is {@code sha256}, computed over the manifest
 * and every data file it names, so any change to the curated content changes the identity. Its
 * examples are held as columns ({@link ExampleTable}). {@code humanColumn}, when present, names
 * the metadata column with a human annotator's answer per example (empty where not annotated).
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
    java.util.Optional<String> humanColumn,
    InputLayout inputLayout,
    ExampleTable table,
    List<SliceDefinition> slices,
    List<AdversarialExample> adversarialExamples,
    Map<String, String> perturbations,
    List<String> criticalIds,
    String criticalReason,
    Map<String, String> attacks) {

  public GoldenSet {
    classes = List.copyOf(classes);
    inputColumns = List.copyOf(inputColumns);
    slices = List.copyOf(slices);
    adversarialExamples = List.copyOf(adversarialExamples);
    perturbations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perturbations));
    criticalIds = List.copyOf(criticalIds);
    attacks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attacks));
  }

  /** The examples in file order; each is made from its row of {@link #table} when read. */
  public List<Example> examples() {
    return table.asList();
  }

  /** The examples by id, in file order; a view of {@link #table}. */
  public Map<String, Example> examplesById() {
    return table.byId();
  }

  /** The same golden set with more adversarial examples, of perturbations described in {@code added}. */
  public GoldenSet withAdversarial(List<AdversarialExample> generated, Map<String, String> added) {
    var all = new java.util.ArrayList<>(adversarialExamples);
    all.addAll(generated);
    var described = new LinkedHashMap<>(perturbations);
    described.putAll(added);
    return new GoldenSet(name, version, description, task, sha256, directory, classes, positiveClass, inputColumns,
        displayColumn, humanColumn, inputLayout, table, slices, all, described, criticalIds, criticalReason, attacks);
  }

  /**
   * The same golden set with the attacks a suite runs on it, by name with their description: what
   * the rules may name (the attacks themselves run with the models).
   */
  public GoldenSet withAttacks(Map<String, String> declared) {
    return new GoldenSet(name, version, description, task, sha256, directory, classes, positiveClass, inputColumns,
        displayColumn, humanColumn, inputLayout, table, slices, adversarialExamples, perturbations, criticalIds,
        criticalReason, declared);
  }

  public Optional<SliceDefinition> slice(String name) {
    return slices.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Set<String> sliceNames() {
    return slices.stream().map(SliceDefinition::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
