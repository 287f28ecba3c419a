package dev.sluice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;

/**
 * Renders statements with a dialect, reusing the SQL text of an earlier statement of the same shape
 * ({@link RenderKey}: the statement without its bound values). On a hit only the binds are collected
 * again ({@link Dialect#binds}). A bound value the database would store changed is refused here,
 * before anything is sent (see {@link BindCheck}).
 */
final class RenderCache {
  private final Dialect dialect;
  private final Cache<RenderKey, String> sqlByShape;
  private final RenderKey.Accessors accessors = new RenderKey.Accessors();

  RenderCache(Dialect dialect, int size) {
    this.dialect = dialect;
    this.sqlByShape = Caffeine.newBuilder().maximumSize(size).build();
  }

  /** The SQL and binds of {@code statement}; {@code cacheable} false renders it afresh. */
  RenderedSql render(Statement statement, boolean cacheable) {
    RenderedSql rendered = cacheable ? cached(statement) : dialect.render(statement);
    BindCheck.check(dialect, rendered, statement);
    return rendered;
  }

  private RenderedSql cached(Statement statement) {
    RenderKey key = RenderKey.of(statement, accessors);
    String sql = sqlByShape.getIfPresent(key);
    if (sql != null) {
      return new RenderedSql(sql, dialect.binds(statement));
    }
    RenderedSql rendered = dialect.render(statement);
    sqlByShape.put(key, rendered.sql());
    return rendered;
  }
}
