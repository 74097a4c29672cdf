package dev.flipgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering the design rests on, checked on the compiled classes so it stays true: no package
 * depends on itself through others; the comparison core and the statistics know nothing of the
 * gate, the run, the reports, the command line, JUnit or Allure; the model adapters know nothing
 * of gates; the model package knows no adapter (they are found through ServiceLoader).
 */
class LayeringTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      // The core's test helpers come to this module as a test jar, which the option above does not recognise.
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("dev.flipgate");

  @Test
  void noPackageCycles() {
    slices().matching("dev.flipgate.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theComparisonCoreKnowsNothingAboveIt() {
    noClasses().that().resideInAnyPackage("dev.flipgate.comparison..", "dev.flipgate.statistics..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.flipgate.gate..", "dev.flipgate.run..",
            "dev.flipgate.report..", "dev.flipgate.cli..", "dev.flipgate.junit..", "dev.flipgate.ledger..",
            "dev.flipgate.suite..", "picocli..", "org.junit..", "io.qameta.allure..", "org.thymeleaf..")
        .check(MAIN);
  }

  @Test
  void adaptersKnowNothingOfGates() {
    noClasses().that().resideInAnyPackage("dev.flipgate.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.flipgate.gate..", "dev.flipgate.comparison..",
            "dev.flipgate.run..", "dev.flipgate.report..", "dev.flipgate.cli..", "dev.flipgate.junit..")
        .check(MAIN);
  }

  @Test
  void theModelPackageKnowsNoAdapter() {
    noClasses().that().resideInAPackage("dev.flipgate.model")
        .should().dependOnClassesThat().resideInAnyPackage("dev.flipgate.model.onnx..", "dev.flipgate.model.kserve..",
            "dev.flipgate.model.predictions..", "dev.flipgate.model.subprocess..")
        .check(MAIN);
  }
}
