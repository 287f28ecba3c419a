package dev.sluice.internal;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderCacheTest {
  /** Counts full renderings, so a cache hit is visible. */
  static final class CountingDialect extends StandardDialect {
    final AtomicInteger renders = new AtomicInteger();

    @Override protected void appendBindMarker(dev.sluice.spi.RenderContext ctx, int index,
        dev.sluice.schema.DataType<?> type) {
      renders.incrementAndGet();
      super.appendBindMarker(ctx, index, type);
    }
  }

  @Test
  void sameShapeReusesTheSqlWithFreshBinds() {
    CountingDialect dialect = new CountingDialect();
    Executor ex = new Executor(null, dialect, false, 0, 100);
    Database db = Database.builder().dialect(dialect).build();
    Statement q42 = db.selectFrom(CITIES).where(eq(CITIES.id, 42)).query();
    Statement q7 = db.selectFrom(CITIES).where(eq(CITIES.id, 7)).query();
    RenderedSql first = ex.render(q42, true);
    int markersAfterFirst = dialect.renders.get();
    RenderedSql second = ex.render(q7, true);
    assertThat(second.sql()).isEqualTo(first.sql());
    assertThat(second.values()).containsExactly(7);
    assertThat(first.values()).containsExactly(42);
    assertThat(dialect.renders.get()).as("no text rendered on a hit").isEqualTo(markersAfterFirst);
  }

  @Test
  void differentShapesRenderSeparately() {
    Executor ex = new Executor(null, new StandardDialect(), false, 0, 100);
    Database db = Database.builder().dialect(new StandardDialect()).build();
    RenderedSql one = ex.render(db.selectFrom(CITIES).where(in(CITIES.id, 1)).query(), true);
    RenderedSql two = ex.render(db.selectFrom(CITIES).where(in(CITIES.id, 1, 2)).query(), true);
    RenderedSql byName = ex.render(db.selectFrom(CITIES).where(in(CITIES.name, "a")).query(), true);
    assertThat(one.sql()).endsWith("IN (?)");
    assertThat(two.sql()).endsWith("IN (?, ?)");
    assertThat(byName.sql()).endsWith("\"name\" IN (?)");
  }
}
