package dev.sluice.studio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The studio uses Sluice's public API only (no {@code internal}, no dialect class, nothing of
 * migrations: the CLI hands it its tables), no driver and no {@code java.sql}; it keeps no
 * {@code ThreadLocal} and no mutable static; its public types are the few a caller needs.
 */
class StudioArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sluice.studio");

  @Test void usesThePublicApiOnly() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice.internal..", "dev.sluice.dialect..", "dev.sluice.migrations..", "io.r2dbc..",
            "java.sql..", "org.postgresql..", "org.sqlite..")
        .check(CLASSES);
  }

  @Test void keepsNoThreadLocalAndNoMutableStatics() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class).check(CLASSES);
    fields().that().areStatic().should().beFinal().check(CLASSES);
  }

  @Test void showsOnlyItsApi() {
    classes().that().arePublic().should().haveSimpleName("Studio").orShould().haveSimpleName("StudioServer")
        .orShould().haveSimpleName("StudioTable").orShould().haveSimpleName("StudioColumn").check(CLASSES);
  }
}
