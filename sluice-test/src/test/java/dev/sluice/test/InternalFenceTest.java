package dev.sluice.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * This module's own classes (its {@code target/classes}, not reactive-core's) use no class of
 * {@code dev.sluice.internal}: on the class path nothing else fences it (reactive-core's
 * module-info.java does on the module path; see its ArchitectureTest).
 */
class InternalFenceTest {
  @Test
  void usesNothingOfReactiveCoresInternalPackage() {
    JavaClasses own = new ClassFileImporter().importPath(Path.of("target", "classes"));
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.sluice.internal..")
        .because("dev.sluice.internal is reactive-core's execution, not API")
        .check(own);
  }
}
