package dev.sluice.redis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store uses Sluice's core for its errors only: no dialect, no SQL execution, no R2DBC, no ThreadLocal. */
class RedisArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sluice.redis");

  @Test void dependsOnCoreErrorsOnly() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice.dialect..", "dev.sluice.internal..", "dev.sluice.query..", "dev.sluice.sql..",
            "dev.sluice.schema..", "dev.sluice.spi..", "dev.sluice.migrations..", "io.r2dbc..", "java.sql..")
        .check(CLASSES);
  }

  /** Issue 15: the query cache adapters are built on this store, not on a Lettuce client of their own. */
  @Test void theQueryCacheAdaptersGoThroughTheStoreNotLettuce() {
    noClasses().that().haveSimpleNameStartingWith("RedisQueryCache").or().haveSimpleNameStartingWith("CoherentQueryCache")
        .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..")
        .check(CLASSES);
  }

  @Test void usesNoThreadLocal() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class).check(CLASSES);
  }
}
