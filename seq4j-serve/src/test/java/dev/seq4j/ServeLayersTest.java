package dev.seq4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Inside seq4j-serve: the network stack (Netty) is confined to the connection layer ({@code
 * Listener}, {@code HttpConnection}, {@code Call}); the endpoints, request validation and the
 * batching thread see plain bytes and strings, so decoding can never end up on an event loop.
 */
class ServeLayersTest {
  private static final JavaClasses SERVE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.seq4j.serve");

  @Test
  void theImportHoldsTheServer() {
    assertTrue(SERVE.contain("dev.seq4j.serve.TranslationServer"));
    assertTrue(SERVE.contain("dev.seq4j.serve.HttpConnection"));
  }

  @Test
  void onlyTheConnectionLayerTouchesNetty() {
    noClasses()
        .that()
        .resideInAPackage("dev.seq4j.serve..")
        .and()
        .haveNameNotMatching("dev\\.seq4j\\.serve\\.(Listener|HttpConnection|Call)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .check(SERVE);
  }
}
