package dev.flipgate.junit;

import dev.flipgate.goldenset.GoldenSet;
import dev.flipgate.model.kserve.CommonPoolParallelism;
import dev.flipgate.run.RunResult;
import dev.flipgate.suite.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The {@code flipgate} JUnit Platform engine: every class annotated {@link GoldenSuite} is a
 * suite whose gate verdict and rules are tests; so is a suite file selected directly (a file
 * selector on a {@code .yaml} file). Configuration parameters (or system properties):
 * {@code flipgate.candidate} (the candidate to gate), {@code flipgate.out} (where reports go,
 * default {@code target/flipgate}), {@code flipgate.ledger} (the ledger that records each run: a
 * file or a JDBC URL, {@code none} for none; default {@code ledger.sqlite} in the output
 * directory), {@code flipgate.baseDir} (what suite paths are relative to),
 * and, with Allure on the classpath, {@code flipgate.allure.enabled} and {@code flipgate.allure.results}.
 */
public final class FlipgateTestEngine implements TestEngine {
  public static final String ID = "flipgate";

  private final Optional<Handover> handover;

  /** A gate run the CLI already made, handed to the engine to report as tests without running it again. */
  private record Handover(Path suiteFile, SuiteDescriptor.Loaded loaded, SuiteRuns.Completed completed) {}

  static {
    // Before any test touches the common pool, which the KServe adapter's HTTP client relies on.
    CommonPoolParallelism.atLeastTwo();
  }

  /** The engine as the JUnit Platform finds it (through {@code META-INF/services}): it runs the gate itself. */
  public FlipgateTestEngine() {
    this.handover = Optional.empty();
  }

  private FlipgateTestEngine(Handover handover) {
    this.handover = Optional.of(handover);
  }

  /**
   * An engine that reports a finished run of {@code suiteFile} when that file is selected,
   * instead of running the gate again; its reports are already in {@code reportDirectory}.
   */
  public static FlipgateTestEngine reporting(Path suiteFile, Suite suite, GoldenSet goldenSet, RunResult result,
      Path reportDirectory) {
    return new FlipgateTestEngine(new Handover(suiteFile.toAbsolutePath().normalize(),
        new SuiteDescriptor.Loaded(suite, goldenSet), new SuiteRuns.Completed(result, reportDirectory)));
  }

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
    Predicate<String> names = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate();
    for (Class<?> anchor : anchors(request, names)) {
      if (absent(engine, uniqueId.append(SuiteDescriptor.SEGMENT, anchor.getName()))) {
        engine.addChild(SuiteTree.ofAnchor(uniqueId, anchor, base, candidate));
      }
    }
    for (Path file : suiteFiles(request, base)) {
      if (absent(engine, SuiteTree.fileId(uniqueId, file, base))) {
        var handed = handover.filter(h -> h.suiteFile().equals(file.toAbsolutePath().normalize()));
        engine.addChild(SuiteTree.ofFile(uniqueId, file, base, candidate,
            () -> handed.map(Handover::loaded).orElseGet(() -> SuiteTree.load(file))));
      }
    }
    request.getSelectorsByType(UniqueIdSelector.class).forEach(selector -> prune(engine, selector.getUniqueId()));
    return engine;
  }

  private static boolean absent(TestDescriptor engine, UniqueId id) {
    return engine.getChildren().stream().noneMatch(c -> c.getUniqueId().equals(id));
  }

  private static List<Class<?>> anchors(EngineDiscoveryRequest request, Predicate<String> names) {
    Predicate<Class<?>> isSuite = type -> type.isAnnotationPresent(GoldenSuite.class);
    var anchors = new ArrayList<Class<?>>();
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

  /** Suite files selected directly, or by the unique id of a test in one. */
  private static List<Path> suiteFiles(EngineDiscoveryRequest request, Path base) {
    var files = new ArrayList<Path>();
    request.getSelectorsByType(FileSelector.class).stream().map(FileSelector::getPath)
        .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).forEach(files::add);
    request.getSelectorsByType(UniqueIdSelector.class).forEach(s -> s.getUniqueId().getSegments().stream()
        .filter(segment -> segment.getType().equals(SuiteDescriptor.FILE_SEGMENT)).findFirst()
        .ifPresent(segment -> files.add(base.resolve(segment.getValue()))));
    return files;
  }

  /** A rerun of one test (by unique id) keeps only that test and its ancestors. */
  private static void prune(TestDescriptor descriptor, UniqueId selected) {
    for (TestDescriptor child : List.copyOf(descriptor.getChildren())) {
      UniqueId id = child.getUniqueId();
      if (selected.hasPrefix(id)) {
        prune(child, selected);
      } else if (!id.hasPrefix(selected)) {
        child.removeFromHierarchy();
      }
    }
  }

  /**
   * The ledger that records a suite's runs: {@code flipgate.ledger} (a file or a JDBC URL; {@code
   * none} for none), else the suite's {@code ledger:}, else {@code ledger.sqlite} in the output
   * directory. Each is opened once, when a suite first needs it.
   */
  private static java.util.function.Function<dev.flipgate.suite.Suite, java.util.Optional<dev.flipgate.ledger.Ledger>> ledgers(
      org.junit.platform.engine.ConfigurationParameters parameters, Path out) {
    var opened = new java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<dev.flipgate.ledger.Ledger>>();
    return suite -> {
      String value = parameters.get("flipgate.ledger").or(suite::ledger).orElse(out.resolve("ledger.sqlite").toString());
      return opened.computeIfAbsent(value, v -> v.equals("none") ? java.util.Optional.empty()
          : java.util.Optional.of(dev.flipgate.ledger.Ledger.open(dev.flipgate.ledger.LedgerLocation.of(v))));
    };
  }

  @Override
  public void execute(ExecutionRequest request) {
    var engine = request.getRootTestDescriptor();
    var listener = request.getEngineExecutionListener();
    var parameters = request.getConfigurationParameters();
    Path out = Path.of(parameters.get("flipgate.out").orElse("target/flipgate"));
    listener.executionStarted(engine);
    TestDetails details;
    try {
      details = TestDetails.from(parameters);
    } catch (RuntimeException | LinkageError e) {
      listener.executionFinished(engine, TestExecutionResult.failed(e));
      return;
    }
    SuiteRuns running = SuiteRuns.running(out, ledgers(parameters, out));
    SuiteRuns runs = suite -> {
      var handed = handover.filter(h -> suite.loaded().map(loaded -> loaded == h.loaded()).orElse(false));
      return handed.isPresent() ? handed.get().completed() : running.run(suite);
    };
    var execution = new SuiteExecution(listener, runs, details);
    engine.getChildren().forEach(child -> execution.execute((SuiteDescriptor) child));
    try {
      details.runsFinished(execution.results());
      listener.executionFinished(engine, TestExecutionResult.successful());
    } catch (RuntimeException e) {
      listener.executionFinished(engine, TestExecutionResult.failed(e));
    }
  }
}
