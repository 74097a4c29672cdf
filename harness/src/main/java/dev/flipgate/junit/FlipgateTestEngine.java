package dev.flipgate.junit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The {@code flipgate} JUnit Platform engine: every class annotated {@link GoldenSuite} is a
 * suite whose gate rules are tests. Configuration parameters (or system properties):
 * {@code flipgate.candidate} (the candidate to gate), {@code flipgate.out} (where reports go,
 * default {@code target/flipgate}) and {@code flipgate.baseDir} (what suite paths are relative to).
 */
public final class FlipgateTestEngine implements TestEngine {
  public static final String ID = "flipgate";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    var engine = new EngineDescriptor(uniqueId, "Flipgate");
    var parameters = request.getConfigurationParameters();
    Path base = Path.of(parameters.get("flipgate.baseDir").orElse("")).toAbsolutePath();
    Optional<String> candidate = parameters.get("flipgate.candidate").filter(c -> !c.isBlank());
    Predicate<String> names = org.junit.platform.engine.Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class))
        .toPredicate();
    for (Class<?> anchor : anchors(request, names)) {
      if (engine.getChildren().stream().noneMatch(c -> c.getUniqueId().equals(uniqueId.append(SuiteDescriptor.SEGMENT, anchor.getName())))) {
        engine.addChild(SuiteTree.of(uniqueId, anchor, base, candidate));
      }
    }
    request.getSelectorsByType(UniqueIdSelector.class).forEach(selector -> prune(engine, selector.getUniqueId()));
    return engine;
  }

  private static java.util.List<Class<?>> anchors(EngineDiscoveryRequest request, Predicate<String> names) {
    Predicate<Class<?>> isSuite = type -> type.isAnnotationPresent(GoldenSuite.class);
    var anchors = new java.util.ArrayList<Class<?>>();
    request.getSelectorsByType(ClassSelector.class).stream().map(ClassSelector::getJavaClass).filter(isSuite).forEach(anchors::add);
    request.getSelectorsByType(PackageSelector.class).forEach(s ->
        anchors.addAll(ReflectionSupport.findAllClassesInPackage(s.getPackageName(), isSuite, names)));
    request.getSelectorsByType(ClasspathRootSelector.class).forEach(s ->
        anchors.addAll(ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), isSuite, names)));
    request.getSelectorsByType(UniqueIdSelector.class).forEach(s -> s.getUniqueId().getSegments().stream()
        .filter(segment -> segment.getType().equals(SuiteDescriptor.SEGMENT)).findFirst()
        .flatMap(segment -> ReflectionSupport.tryToLoadClass(segment.getValue()).toOptional())
        .filter(isSuite).ifPresent(anchors::add));
    return anchors;
  }

  /** A rerun of one test (by unique id) keeps only that test and its ancestors. */
  private static void prune(TestDescriptor descriptor, UniqueId selected) {
    for (TestDescriptor child : java.util.List.copyOf(descriptor.getChildren())) {
      UniqueId id = child.getUniqueId();
      if (selected.hasPrefix(id)) {
        prune(child, selected);
      } else if (!id.hasPrefix(selected)) {
        child.removeFromHierarchy();
      }
    }
  }

  @Override
  public void execute(ExecutionRequest request) {
    var engine = request.getRootTestDescriptor();
    var listener = request.getEngineExecutionListener();
    Path out = Path.of(request.getConfigurationParameters().get("flipgate.out").orElse("target/flipgate"));
    listener.executionStarted(engine);
    var execution = new SuiteExecution(listener, out);
    engine.getChildren().forEach(child -> execution.execute((SuiteDescriptor) child));
    listener.executionFinished(engine, org.junit.platform.engine.TestExecutionResult.successful());
  }
}
