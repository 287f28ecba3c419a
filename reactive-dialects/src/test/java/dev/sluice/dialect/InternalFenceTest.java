package dev.sluice.dialect;

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
}
