package dev.seq4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The applications over the core, checked on everything the command's class path holds (core,
 * bench, serve, cli: one module each): the core never reaches up into an application, the server
 * depends on neither the command line nor the benchmarks, only the server touches the network stack
 * (Netty), and no two packages form a cycle. The core's own layering is checked by seq4j-core's
 * {@code ArchitectureTest}.
 */
class AppLayersTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.seq4j");

  /** The rules below pass vacuously on an empty import: make sure core and apps are both in it. */
  @Test
  void theImportHoldsTheCoreAndTheApplications() {
    for (String pkg : List.of("model", "translate", "cli", "serve", "bench")) {
      assertTrue(ALL.containPackage("dev.seq4j." + pkg), "no classes in dev.seq4j." + pkg);
    }
  }

  @Test
  void theCoreNeverUsesAnApplication() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.seq4j.io..",
            "dev.seq4j.engine..",
            "dev.seq4j.config..",
            "dev.seq4j.data..",
            "dev.seq4j.tokenize..",
            "dev.seq4j.model..",
            "dev.seq4j.decode..",
            "dev.seq4j.train..",
            "dev.seq4j.eval..",
            "dev.seq4j.plot..",
            "dev.seq4j.translate..",
            "dev.seq4j.names..",
            "dev.seq4j.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.seq4j.cli..", "dev.seq4j.serve..", "dev.seq4j.spark..", "dev.seq4j.bench..")
        .check(ALL);
  }

  @Test
  void theServerDoesNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.seq4j.serve..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.seq4j.cli..")
        .check(ALL);
  }

  @Test
  void theServerDependsOnNeitherTheBenchmarksNorTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.seq4j.serve..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.seq4j.bench..", "dev.seq4j.cli..")
        .check(ALL);
  }

  @Test
  void onlyTheServerTouchesTheNetworkStack() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.seq4j.serve..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .check(ALL);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.seq4j.(**)").should().beFreeOfCycles().check(ALL);
  }
}
