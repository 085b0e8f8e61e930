package dev.seq4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering of seq4j-core, bottom to top:
 *
 * <pre>
 * io, engine                        ground floor: atomic files, temp files, the run lock; libtorch
 * config, tokenize, data            YAML records, tokenizers and vocabularies, corpora and batches
 * model                             networks and their config records
 * decode, train, eval, plot         generic search, training, scoring and charts
 * translate, names, gradflow        the tasks, wiring the layers below into runs
 * api                               the public Java API over the tasks
 * </pre>
 *
 * Each layer may use only the layers below it (and its peers where stated); a task never uses
 * another task; only the api uses the tasks, and no core package uses the api; no package
 * (subpackages included) takes part in a cycle.
 */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.seq4j");

  private static LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("io")
        .definedBy("dev.seq4j.io..")
        .layer("engine")
        .definedBy("dev.seq4j.engine..")
        .layer("config")
        .definedBy("dev.seq4j.config..")
        .layer("tokenize")
        .definedBy("dev.seq4j.tokenize..")
        .layer("data")
        .definedBy("dev.seq4j.data..")
        .layer("model")
        .definedBy("dev.seq4j.model..")
        .layer("decode")
        .definedBy("dev.seq4j.decode..")
        .layer("train")
        .definedBy("dev.seq4j.train..")
        .layer("eval")
        .definedBy("dev.seq4j.eval..")
        .layer("plot")
        .definedBy("dev.seq4j.plot..")
        .layer("translate")
        .definedBy("dev.seq4j.translate..")
        .layer("names")
        .definedBy("dev.seq4j.names..")
        .layer("gradflow")
        .definedBy("dev.seq4j.gradflow..")
        .layer("api")
        .definedBy("dev.seq4j.api..");
  }

  /** The rules below pass vacuously on an empty import: make sure every layer is really there. */
  @Test
  void theImportHoldsEveryLayer() {
    for (String pkg :
        List.of(
            "io",
            "engine",
            "config",
            "tokenize",
            "data",
            "model",
            "decode",
            "train",
            "eval",
            "plot",
            "translate",
            "names",
            "gradflow",
            "api")) {
      assertTrue(CORE.containPackage("dev.seq4j." + pkg), "no classes in dev.seq4j." + pkg);
    }
    assertTrue(CORE.contain("dev.seq4j.model.Seq2SeqModel"));
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layers()
        .whereLayer("io")
        .mayNotAccessAnyLayer()
        .whereLayer("engine")
        .mayNotAccessAnyLayer()
        .whereLayer("config")
        .mayOnlyAccessLayers("io")
        .whereLayer("tokenize")
        .mayOnlyAccessLayers("io", "engine", "config")
        .whereLayer("data")
        .mayOnlyAccessLayers("io", "engine", "config", "tokenize")
        .whereLayer("model")
        .mayOnlyAccessLayers("io", "engine", "config")
        .whereLayer("decode")
        .mayOnlyAccessLayers("io", "engine", "config", "model")
        .whereLayer("eval")
        .mayOnlyAccessLayers("io", "engine", "config", "tokenize")
        .whereLayer("plot")
        .mayOnlyAccessLayers("io")
        .whereLayer("train")
        .mayOnlyAccessLayers("io", "engine", "config", "model", "eval", "plot")
        .check(CORE);
  }

  /** The network stack lives in seq4j-serve: the library never sees a socket. */
  @Test
  void theLibraryKnowsNoNetworkStack() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.netty..", "io.vertx..", "com.sun.net.httpserver..")
        .check(CORE);
  }

  @Test
  void noCoreLayerUsesATask() {
    layers()
        .whereLayer("translate")
        .mayOnlyBeAccessedByLayers("api")
        .whereLayer("names")
        .mayOnlyBeAccessedByLayers("api")
        .whereLayer("gradflow")
        .mayNotBeAccessedByAnyLayer()
        .check(CORE);
  }

  @Test
  void noCorePackageUsesTheApi() {
    layers().whereLayer("api").mayNotBeAccessedByAnyLayer().check(CORE);
  }

  @Test
  void modelKnowsNothingOfDataTrainingOrDecoding() {
    noClasses()
        .that()
        .resideInAPackage("dev.seq4j.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.seq4j.data..", "dev.seq4j.train..", "dev.seq4j.decode..", "dev.seq4j.tokenize..")
        .check(CORE);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.seq4j.(**)").should().beFreeOfCycles().check(CORE);
  }
}
