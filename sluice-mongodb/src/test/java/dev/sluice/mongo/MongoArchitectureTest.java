package dev.sluice.mongo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * sluice-mongodb builds on reactive-core's public packages only: no dialect, no R2DBC driver, no
 * core internals or SQL model, no Spring; no ThreadLocal; and {@code internal} does not use the
 * public package's entry points (only its field and value types).
 */
class MongoArchitectureTest {
  private static final JavaClasses STORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sluice.mongo");

  @Test
  void usesOnlyCoresPublicErrorAndNoDialectDriverOrInternals() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.sluice.dialect..", "dev.sluice.internal..",
            "dev.sluice.sql..", "dev.sluice.query..", "dev.sluice.spi..", "dev.sluice.schema..", "org.springframework..",
            "org.postgresql..", "io.r2dbc..")
        .check(STORE);
  }

  @Test
  void keepsNoThreadLocal() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class).check(STORE);
  }

  @Test
  void internalDoesNotUseTheEntryPoints() {
    noClasses().that().resideInAPackage("dev.sluice.mongo.internal..").should().dependOnClassesThat()
        .haveSimpleNameEndingWith("Store").check(STORE);
  }
}
