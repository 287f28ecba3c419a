package dev.sluice.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.sluice.testing.InternalFence;
import org.junit.jupiter.api.Test;

/**
 * This module's own classes (its {@code target/classes}, not reactive-core's) use no class of
 * {@code dev.sluice.internal}: on the class path nothing else fences it (reactive-core's
 * module-info.java does on the module path; see its ArchitectureTest).
 */
class InternalFenceTest {
  @Test
  void usesNothingOfReactiveCoresInternalPackage() {
    InternalFence.checkNoInternalUse(InternalFence.ownClasses());
  }

  @Test
  void seesStatementsOnlyThroughTheObserverApi() {
    JavaClasses own = InternalFence.ownClasses();
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.sluice.sql..", "dev.sluice.spi..",
            "dev.sluice.query..")
        .because("observations are built from the events of dev.sluice.observe, not from the syntax tree")
        .check(own);
  }
}
