package dev.sluice.openapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The generator reads the schema DSL and nothing else of Sluice: no execution, no SQL rendering, no
 * dialect, no driver; it keeps no static mutable state and shows only its few public types.
 */
class OpenApiArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sluice.openapi");

  @Test void readsTheSchemaDslAndErrorsOnly() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice", "dev.sluice.dialect..", "dev.sluice.internal..", "dev.sluice.query..",
            "dev.sluice.sql..", "dev.sluice.spi..", "dev.sluice.migrations..", "io.r2dbc..", "reactor..", "java.sql..")
        .check(CLASSES);
  }

  @Test void keepsNoThreadLocalAndNoMutableStatics() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class).check(CLASSES);
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areStatic().should().beFinal().check(CLASSES);
  }

  @Test void showsOnlyItsApi() {
    classes().that().arePublic().should().haveSimpleNameEndingWith("OpenApiSchemas")
        .orShould().haveSimpleName("OpenApiException").orShould().haveSimpleName("Description")
        .orShould().haveSimpleName("EnumValues").check(CLASSES);
    classes().that().areNotPublic().and().areTopLevelClasses().and().areNotInterfaces().and().areNotEnums()
        .should().haveModifier(JavaModifier.FINAL).check(CLASSES);
  }
}
