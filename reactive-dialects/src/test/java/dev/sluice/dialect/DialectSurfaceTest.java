package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.SqlVisitor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What a user of a dialect sees: the {@link Dialect} (name, capabilities, types, rendering, DDL,
 * errors), not the visitor over the syntax tree nor the renderer's hooks.
 */
class DialectSurfaceTest {

  @Test
  void noDialectShowsTheVisitorOrARenderingHook() {
    assertThat(Dialects.all()).hasSize(9).allSatisfy(d -> {
      assertThat(d).as(d.name()).isNotInstanceOf(SqlVisitor.class);
      assertThat(Arrays.stream(d.getClass().getMethods()).map(Method::getName))
          .as(d.name() + "'s public methods")
          .noneMatch(n -> n.startsWith("visit") || n.startsWith("append"));
    });
  }

  @Test
  void theRenderingHooksOfADialectAreProtected() {
    for (Dialect d : Dialects.all()) {
      for (Class<?> c = d.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (m.getName().startsWith("append") || m.getName().startsWith("new")) {
            assertThat(Modifier.isPublic(m.getModifiers())).as(c.getSimpleName() + "." + m.getName()).isFalse();
          }
        }
      }
    }
  }
}
