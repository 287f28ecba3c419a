package dev.sluice.spi;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.CITIES;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.SqlVisitor;
import dev.sluice.sql.Statement;
import dev.sluice.testing.Country;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a dialect is put together: the parts of {@link StandardDialect} (one per seam) are what a
 * dialect overrides, the upsert form follows {@link Capabilities#upsertStyle()}, the renderer is not
 * the dialect, and the binds of a walk leave it read-only.
 */
class RendererPartsTest {
  private final Database db = Database.builder().dialect(new StandardDialect()).build();

  /** A dialect whose paging is {@code LIMIT ?}, changed in its select part alone. */
  static final class LimitDialect extends StandardDialect {
    @Override protected SelectRenderer newSelectRenderer() {
      return new SelectRenderer(this) {
        @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
          if (node.limit() != null) {
            ctx.sql(" LIMIT ").bind(node.limit());
          }
        }
      };
    }
  }

  /** The standard dialect, with another upsert style. */
  static final class Upserting extends StandardDialect {
    private final Capabilities capabilities;

    Upserting(Capabilities.UpsertStyle style) {
      this.capabilities = Capabilities.builder().upsertStyle(style).returning(true).build();
    }

    @Override public String name() { return "upserting"; }

    @Override public Capabilities capabilities() { return capabilities; }
  }

  @Test
  void aDialectChangesOneSeamByOverridingItsPart() {
    RenderedSql standard = db.selectFrom(CITIES).where(eq(CITIES.id, 7)).limit(5).toSql(new StandardDialect());
    RenderedSql limited = db.selectFrom(CITIES).where(eq(CITIES.id, 7)).limit(5).toSql(new LimitDialect());
    assertThat(standard.sql()).endsWith("WHERE \"id\" = ? FETCH NEXT ? ROWS ONLY");
    assertThat(limited.sql()).isEqualTo("SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\""
        + " WHERE \"id\" = ? LIMIT ?");
    assertThat(limited.values()).containsExactly(7, 5L);
  }

  @Test
  void theUpsertFormFollowsTheUpsertStyle() {
    java.util.function.Function<Capabilities.UpsertStyle, RenderedSql> upsert = style -> db.insertInto(COUNTRIES)
        .values(new Country(null, "Peru")).onConflict(COUNTRIES.name).doNothing().toSql(new Upserting(style));
    assertThat(upsert.apply(Capabilities.UpsertStyle.ON_CONFLICT).sql())
        .isEqualTo("INSERT INTO \"countries\" (\"name\") VALUES (?) ON CONFLICT (\"name\") DO NOTHING");
    assertThat(upsert.apply(Capabilities.UpsertStyle.ON_DUPLICATE_KEY).sql())
        .isEqualTo("INSERT INTO \"countries\" (\"name\") VALUES (?) ON DUPLICATE KEY UPDATE \"name\" = \"name\"");
    assertThat(upsert.apply(Capabilities.UpsertStyle.MERGE).sql())
        .isEqualTo("MERGE INTO \"countries\" USING (VALUES (?)) AS \"excluded\" (\"name\") ON"
            + " (\"countries\".\"name\" = \"excluded\".\"name\") WHEN NOT MATCHED THEN INSERT (\"name\")"
            + " VALUES (\"excluded\".\"name\")");
    assertThat(upsert.apply(Capabilities.UpsertStyle.ON_CONFLICT).values()).containsExactly("Peru");
    assertThatThrownBy(() -> upsert.apply(Capabilities.UpsertStyle.NONE))
        .isInstanceOf(UnsupportedByDialectException.class)
        .hasMessageContaining("Upsert (onConflict)").hasMessageContaining("upserting");
  }

  @Test
  void aPartServesOneRendererOnly() {
    StandardDialect owner = new StandardDialect();
    ExpressionRenderer shared = new ExpressionRenderer(owner);
    class Sharing extends StandardDialect {
      @Override protected ExpressionRenderer newExpressionRenderer() {
        return shared;
      }
    }
    Statement q = db.selectFrom(CITIES).where(eq(CITIES.id, 1)).query();
    assertThat(new Sharing().render(q).values()).containsExactly(1);
    assertThatThrownBy(() -> new Sharing().render(q)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already belongs to a renderer");
  }

  @Test
  void theDialectIsNotTheVisitor() {
    assertThat(new StandardDialect()).isNotInstanceOf(SqlVisitor.class);
    assertThat(java.util.Arrays.stream(StandardDialect.class.getMethods()).map(java.lang.reflect.Method::getName))
        .noneMatch(n -> n.startsWith("visit"));
  }

  @Test
  void bindsLeaveTheWalkReadOnly() {
    StandardDialect d = new StandardDialect();
    Statement q = db.selectFrom(CITIES).where(eq(CITIES.id, 3)).query();
    List<Bind> binds = d.binds(q);
    assertThat(binds).extracting(Bind::value).containsExactly(3);
    assertThatThrownBy(() -> binds.add(new Bind(4, Integer.class))).isInstanceOf(UnsupportedOperationException.class);
    RenderContext ctx = RenderContext.full(d);
    assertThatThrownBy(() -> ctx.binds().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(d.render(q).values()).containsExactly(3);
  }
}
