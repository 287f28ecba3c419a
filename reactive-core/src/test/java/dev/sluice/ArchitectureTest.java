package dev.sluice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.SqlVisitor;
import org.junit.jupiter.api.Test;

/**
 * The layers of reactive-core, checked on the compiled classes (so a fully qualified name in the
 * code counts as much as an import): core knows no dialect, driver, store, migration or Spring
 * class; its packages form no cycle; the dialect SPI builds on the model alone and no dialect is
 * itself the visitor over the syntax tree; nothing keeps state in a {@code ThreadLocal}.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.sluice");

  @Test
  void coreKnowsNoDialectDriverStoreOrSpring() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "dev.sluice.dialect..", "dev.sluice.r2dbc..", "dev.sluice.store..", "dev.sluice.migrations..",
            "dev.sluice.spring..", "org.springframework..", "io.r2dbc.postgresql..", "io.asyncer..",
            "org.mariadb..", "io.r2dbc.mssql..", "oracle..", "io.r2dbc.h2..", "org.h2..", "org.sqlite..",
            "com.mongodb..", "io.lettuce..", "java.sql..")
        .because("reactive-core is the kernel every dialect and store builds on")
        .check(CORE);
  }

  @Test
  void errorsDependOnNoOtherPackageOfSluice() {
    noClasses().that().resideInAPackage("dev.sluice.error..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice", "dev.sluice.internal..", "dev.sluice.query..", "dev.sluice.spi..",
            "dev.sluice.schema..", "dev.sluice.sql..")
        .because("every layer may raise them, as jOOQ's org.jooq.exception")
        .check(CORE);
  }

  @Test
  void observationKnowsNothingElseOfSluice() {
    noClasses().that().resideInAPackage("dev.sluice.observe..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice", "dev.sluice.internal..", "dev.sluice.query..", "dev.sluice.spi..",
            "dev.sluice.schema..", "dev.sluice.sql..")
        .because("observers (and the sluice-micrometer module) see events of plain values, not Sluice's internals")
        .check(CORE);
  }

  @Test
  void onlyTheEntryPointsUseTheRootPackage() {
    noClasses().that().resideInAnyPackage("dev.sluice.spi..", "dev.sluice.schema..", "dev.sluice.sql..",
            "dev.sluice.error..")
        .should().dependOnClassesThat().resideInAPackage("dev.sluice")
        .because("the root package holds the entry points (Database, TxOptions, Row), which build on the layers")
        .check(CORE);
  }

  @Test
  void onlyTheEntryPointsAndTheBuildersUseInternal() {
    noClasses().that().resideOutsideOfPackages("dev.sluice", "dev.sluice.query..", "dev.sluice.internal..")
        .should().dependOnClassesThat().resideInAPackage("dev.sluice.internal..")
        .because("dev.sluice.internal is execution, not API: module-info.java does not export it, and on the "
            + "class path this rule (and InternalFenceTest in the other modules) keeps everyone else out")
        .check(CORE);
  }

  @Test
  void theSpiBuildsOnTheModelAlone() {
    noClasses().that().resideInAPackage("dev.sluice.spi..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.sluice.internal..", "dev.sluice.query..")
        .because("a dialect renders the syntax tree and classifies errors; execution and the builders build on it")
        .check(CORE);
  }

  @Test
  void internalKnowsNeitherTheEntryPointsNorTheBuilders() {
    noClasses().that().resideInAPackage("dev.sluice.internal..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.sluice", "dev.sluice.query..")
        .because("execution is a layer below the API: the entry points hand it TxSpec, ForeignPolicy and "
            + "the QueryTimeoutKey, and the builders read the generic Row themselves (RowReaders)")
        .check(CORE);
  }

  /**
   * The layers, strictly: the API (the root package and the builders, one layer as {@code Database}
   * starts the builders and they return its {@code Row}), then execution, then the model (SPI,
   * schema, syntax tree), then the errors. Nothing depends on a layer above it.
   */
  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("API").definedBy("dev.sluice", "dev.sluice.query..", "dev.sluice.sqlcache..")
        .layer("Execution").definedBy("dev.sluice.internal..")
        .layer("Model").definedBy("dev.sluice.spi..", "dev.sluice.schema..", "dev.sluice.sql..", "dev.sluice.observe..", "dev.sluice.cache..", "dev.sluice.validation..")
        .layer("Errors").definedBy("dev.sluice.error..")
        .whereLayer("API").mayNotBeAccessedByAnyLayer()
        .whereLayer("Execution").mayOnlyBeAccessedByLayers("API")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("API", "Execution")
        .whereLayer("Errors").mayOnlyBeAccessedByLayers("API", "Execution", "Model")
        .check(CORE);
  }

  @Test
  void noDialectIsTheVisitor() {
    noClasses().that().areAssignableTo(Dialect.class).should().beAssignableTo(SqlVisitor.class)
        .because("a Dialect shows its name, capabilities, types and errors; the visitor over the tree is the "
            + "renderer it assembles from its parts, which users of a Dialect never see")
        .check(CORE);
    classes().that().areAssignableTo(SqlVisitor.class).and().resideInAPackage("dev.sluice.spi..")
        .should().notBePublic()
        .because("the renderer is reached through Dialect.render and binds, never called directly")
        .check(CORE);
  }

  @Test
  void noThreadLocals() {
    noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
        .because("the transaction travels in the Reactor Context, never in a thread")
        .check(CORE);
  }

  @Test
  void packagesFormNoCycle() {
    // The schema and the syntax tree are one model: a Column is an expression (Field), and the tree
    // names the tables and columns it reads. Every other pair of packages depends one way only.
    slices().matching("dev.sluice.(*)..").should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("dev.sluice.schema.."), resideInAPackage("dev.sluice.sql.."))
        .ignoreDependency(resideInAPackage("dev.sluice.sql.."), resideInAPackage("dev.sluice.schema.."))
        .check(CORE);
  }
}
