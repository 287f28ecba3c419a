package dev.sluice.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;

/**
 * The fence around reactive-core's {@code dev.sluice.internal} as seen from another Sluice module:
 * on the class path nothing else stops a module from using it (reactive-core's module-info.java
 * does on the module path). Each module's {@code InternalFenceTest} checks its own classes with it.
 */
public final class InternalFence {
  private InternalFence() { }

  /** The module's own classes ({@code target/classes} of the module under test), not reactive-core's. */
  public static JavaClasses ownClasses() {
    return new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  /** Fails, naming each use, if one of {@code classes} uses a class of {@code dev.sluice.internal}. */
  public static void checkNoInternalUse(JavaClasses classes) {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.sluice.internal..")
        .because("dev.sluice.internal is reactive-core's execution, not API")
        .check(classes);
  }
}
